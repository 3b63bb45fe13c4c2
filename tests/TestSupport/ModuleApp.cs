using System.Reflection;
using Funeng.Kernel;
using Funeng.Kernel.Database;
using Funeng.Platform.Contracts;
using Funeng.Web.Shell;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Funeng.TestSupport;

/// <summary>
/// One module on the real HTTP pipeline with only what it stands on: the web host's shell (layout, problem
/// details, languages, sign-in), Kernel, Platform (database, accounts, organisations, the actor, audit log,
/// notifications) and fakes of the other modules' contracts it calls (<see cref="ModuleUnderTest.AddFakes"/>).
/// Composed as the web host's Program.cs composes all seven, so a module's own behaviour is tested without
/// booting, migrating and initialising the other six. Flows that cross modules stay on <see cref="FunengApp"/>.
/// </summary>
public abstract class ModuleApp(ModuleUnderTest module, TestDatabase database) : ITestApp, IAsyncLifetime
{
    /// <summary>What every module stands on, booted with each (the composition's first <c>AddX</c>).</summary>
    public const string Foundation = "Platform";

    private IServiceCollection? _services;
    private IReadOnlyCollection<ServiceDescriptor> _fakes = [];
    private WebApplication? _app;
    private int _users;

    public DatabaseProvider Provider => database.Provider;

    public string ConnectionString => database.ConnectionString;

    public TestMailbox Mailbox { get; } = new();

    public IServiceProvider Services => Running.Services;

    private WebApplication Running => _app ?? throw new InvalidOperationException("The module host starts in InitializeAsync.");

    /// <summary>The foundation, then the module (the foundation's own host boots it once).</summary>
    private IReadOnlyList<ModuleUnderTest> Booted => module.Name == Foundation ? [module] : [ModuleUnderTest.Platform, module];

    /// <summary>Per-fixture settings, e.g. a module option the tests choose (as <see cref="FunengApp"/> has).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Per-fixture services, registered last so they replace the modules' own, e.g. a clock the tests move.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = TestHostSettings.Environment,
            // The web host's assembly and folder, as WebApplicationFactory<Program> uses: its layout, error page and
            // settings, and the modules' pages found as its application parts (the other modules' then removed).
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = WebContentRoot(),
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestHostSettings.For(database, Mailbox).Concat(ExtraSettings));
        builder.AddFunengKernel().AddWebShell();
        foreach (var booted in Booted)
        {
            booted.Add(builder);
        }

        var beforeFakes = builder.Services.Count;
        module.AddFakes(builder.Services);
        _fakes = [.. builder.Services.Skip(beforeFakes)];
        ConfigureTestServices(builder.Services);
        builder.Services.AddRazorPages().ConfigureApplicationPartManager(RemoveOtherModules);
        _services = builder.Services;

        var app = builder.Build();
        _app = app;
        app.UseWebShell();
        foreach (var booted in Booted)
        {
            booted.Map(app);
        }

        await app.PrepareDatabaseAsync();
        await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Mailbox.Dispose();
        await database.DropAsync();
        GC.SuppressFinalize(this);
    }

    public HttpClient Anonymous() =>
        new(new CookieContainerHandler { InnerHandler = Running.GetTestServer().CreateHandler() }) { BaseAddress = new Uri("http://localhost") };

    public Task<ActingUser> CreateUserAsync(string role, Guid? organisationId = null, OrganisationKind kind = OrganisationKind.Enterprise) =>
        TestUsers.CreateAsync(this, Interlocked.Increment(ref _users), role, organisationId, kind);

    /// <summary>
    /// What is wrong with what this host booted, empty when it registered its module and <see cref="Foundation"/> and
    /// nothing of the others (fakes left out), except the other modules' contracts the module implements itself
    /// (<paramref name="implementedContracts"/>: Compute's handler of Incentives' voucher awards), and when the check
    /// sees the booted modules at all, by their endpoints and pages.
    /// </summary>
    public IReadOnlyList<string> BootProblems(params Type[] implementedContracts)
    {
        ArgumentNullException.ThrowIfNull(implementedContracts);
        var registered = RegisteredModules();
        var booted = new[] { Foundation, module.Name }.Distinct().ToList();
        var allowed = implementedContracts.ToLookup(c => ModuleOf(c.Assembly) ?? "", c => $"service {c}");
        var problems = registered
            .Where(m => !booted.Contains(m.Key) && !m.Value.All(allowed[m.Key].Contains))
            .Select(m => $"{m.Key} is registered: {string.Join("; ", m.Value.Take(5))}")
            .ToList();
        foreach (var name in booted)
        {
            var evidence = registered.GetValueOrDefault(name) ?? [];
            if (!evidence.Any(e => e.StartsWith("endpoint ", StringComparison.Ordinal)))
            {
                problems.Add($"{name} has no endpoint");
            }

            if (!evidence.Any(e => e.StartsWith($"page part {nameof(CompiledRazorAssemblyPart)}", StringComparison.Ordinal)))
            {
                problems.Add($"{name} has no pages");
            }
        }

        problems.AddRange(allowed.Where(a => !registered.ContainsKey(a.Key)).Select(a => $"{a.Key}'s contract {string.Join(", ", a)} is not implemented"));
        return problems;
    }

    /// <summary>
    /// The modules (<c>Funeng.NAME</c>) whose code this host registered, each with its evidence — services (by
    /// service, implementation or factory type, generic arguments included; the fakes left out), page parts and
    /// endpoints. A module-only host answers its module and <see cref="Foundation"/>, nothing else.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RegisteredModules()
    {
        var services = _services ?? throw new InvalidOperationException("The module host starts in InitializeAsync.");
        var evidence = new List<(Assembly Assembly, string What)>();
        // A fake stands in for another module's contract, so its service type is that module's; it is test code all the same.
        foreach (var service in services.Except(_fakes))
        {
            var types = new[]
            {
                service.ServiceType, service.IsKeyedService ? service.KeyedImplementationType : service.ImplementationType,
                service.IsKeyedService ? service.KeyedImplementationInstance?.GetType() : service.ImplementationInstance?.GetType(),
                service.IsKeyedService ? service.KeyedImplementationFactory?.Method.DeclaringType : service.ImplementationFactory?.Method.DeclaringType,
            };
            evidence.AddRange(types.OfType<Type>().SelectMany(WithGenericArguments).Select(t => (t.Assembly, $"service {service.ServiceType}")));
        }

        evidence.AddRange(Services.GetRequiredService<ApplicationPartManager>().ApplicationParts
            .Select(p => (Assembly: AssemblyOf(p), What: $"page part {p.GetType().Name} {p.Name}"))
            .Where(p => p.Assembly is not null)
            .Select(p => (p.Assembly!, p.What)));
        foreach (var endpoint in ((IEndpointRouteBuilder)Running).DataSources.SelectMany(d => d.Endpoints))
        {
            if (endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType is { } handler)
            {
                evidence.Add((handler.Assembly, $"endpoint {endpoint.DisplayName}"));
            }
        }

        return evidence
            .Select(e => (Module: ModuleOf(e.Assembly), e.What))
            .Where(e => e.Module is not null)
            .GroupBy(e => e.Module!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.What).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    private static IEnumerable<Type> WithGenericArguments(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(WithGenericArguments).Prepend(type) : [type];

    /// <summary>
    /// The module an assembly is, known by its module file (<c>Funeng.Catalog.CatalogModule</c> → Catalog); null for
    /// Kernel, the hosts, the tests and libraries.
    /// </summary>
    private static string? ModuleOf(Assembly assembly)
    {
        var name = assembly.GetName().Name ?? "";
        var module = name.StartsWith("Funeng.", StringComparison.Ordinal) ? name["Funeng.".Length..] : "";
        return module.Length > 0 && assembly.GetType($"{name}.{module}Module") is not null ? module : null;
    }

    /// <summary>
    /// Removes the types and the compiled pages (two parts per Razor class library) of every module this host does
    /// not boot: the web host references all seven, and a page left in would be routed and fail for want of services.
    /// </summary>
    private void RemoveOtherModules(ApplicationPartManager parts)
    {
        var booted = new[] { Foundation, module.Name };
        foreach (var part in parts.ApplicationParts.Where(p => AssemblyOf(p) is { } a && ModuleOf(a) is { } m && !booted.Contains(m)).ToList())
        {
            parts.ApplicationParts.Remove(part);
        }
    }

    private static Assembly? AssemblyOf(ApplicationPart part) => part switch
    {
        AssemblyPart types => types.Assembly,
        CompiledRazorAssemblyPart pages => pages.Assembly,
        _ => null,
    };

    /// <summary>The web host's folder (src/Hosts/Web), found above the test's build output as WebApplicationFactory finds it.</summary>
    private static string WebContentRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Funeng.slnx")))
            {
                return Path.Combine(folder.FullName, "src", "Hosts", "Web");
            }
        }

        throw new DirectoryNotFoundException($"No Funeng.slnx above {AppContext.BaseDirectory}.");
    }
}
