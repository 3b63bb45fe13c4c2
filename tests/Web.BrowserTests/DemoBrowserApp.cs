using System.Collections.Concurrent;
using Funeng.Kernel.Startup;
using Funeng.Platform.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// The browser app with the demo seed (every demo organisation, account and data set), so that pages show the
/// data a person really sees. The demo accounts' passwords are generated at seeding and kept here; errors the
/// server logs are kept too, so that a test can say why a page answered 500.
/// </summary>
public sealed class DemoBrowserApp : BrowserApp
{
    private readonly ConcurrentQueue<string> _serverErrors = new();

    internal IReadOnlyDictionary<string, DemoAccounts.Credential> AccountsByRole { get; private set; } =
        new Dictionary<string, DemoAccounts.Credential>();

    /// <summary>Takes the errors logged since the last call.</summary>
    public IReadOnlyList<string> TakeServerErrors()
    {
        var errors = new List<string>();
        while (_serverErrors.TryDequeue(out var error))
        {
            errors.Add(error);
        }

        return errors;
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            // Accounts first: the sequence below reports passwords only as text, and only for accounts it creates.
            var credentials = await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
            AccountsByRole = credentials.ToDictionary(c => c.Role);
        }

        await Services.GetRequiredService<StartupSequence>().SeedDemoAsync();
        TakeServerErrors();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(_serverErrors)));
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{formatter(state, exception)} {exception}".Trim());
            }
        }

        public void Dispose()
        {
        }
    }
}
