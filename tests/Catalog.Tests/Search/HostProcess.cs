using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Funeng.Kernel.Database;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// The real web host (Funeng.Web.dll, built beside the tests) or CLI as an operating-system process against a
/// given database, with its whole output kept so that a test can look for errors in it.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the web host on a free port and waits until it answers a search.</summary>
    public static async Task<HostProcess> StartWebAsync(DatabaseProvider provider, string connectionString, string indexDirectory, int catchUpSeconds, CancellationToken cancellationToken)
    {
        // The probed port is free only when probed: a parallel test's outgoing connection can take it as its
        // ephemeral port before the host binds it. A host that exits for that reason is started again on another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartWebOnceAsync(provider, connectionString, indexDirectory, catchUpSeconds, cancellationToken);
            }
            catch (InvalidOperationException e) when (attempt < 5 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private static async Task<HostProcess> StartWebOnceAsync(DatabaseProvider provider, string connectionString, string indexDirectory, int catchUpSeconds, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = StartInfo("Web", "Funeng.Web.dll", provider, connectionString);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Catalog__IndexCatchUpSeconds"] = catchUpSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Catalog__IndexDirectory"] = indexDirectory;
        // The searches come from one address (this test); the per-address limit on anonymous search would refuse them.
        start.Environment["RateLimits__AnonymousSearch__PermitLimit"] = "1000000";
        var host = new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = host.Address };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (host._process.HasExited)
            {
                throw new InvalidOperationException("The web host exited while starting:\n" + host.Log);
            }

            try
            {
                if ((await client.GetAsync("/api/v1/catalog/search?q=start", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The web host did not answer within 3 minutes:\n" + host.Log);
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Runs the funeng CLI to completion; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCliAsync(DatabaseProvider provider, string connectionString, string indexDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = StartInfo("Cli", "Funeng.Cli.dll", provider, connectionString);
        start.Environment["Catalog__IndexDirectory"] = indexDirectory;
        start.Environment["COLUMNS"] = "200";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string host, string dll, DatabaseProvider provider, string connectionString)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", host, "debug"));
        var path = Path.Combine(folder, dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{dll} is not built at {path}; build src/Hosts/{host} first.", path);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(path);
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Funeng"] = connectionString;
        start.Environment["Startup__SeedDemoData"] = "false";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
