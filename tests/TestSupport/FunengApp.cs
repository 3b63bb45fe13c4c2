using Funeng.Kernel.Database;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Funeng.TestSupport;

/// <summary>
/// The real web application, every module, through its real HTTP pipeline, on a database of its own that no other
/// fixture shares. Subclasses pick the provider; tests written once against <see cref="FunengApp"/> (or
/// <see cref="ITestApp"/>) run on both. A test of one module's own behaviour uses <see cref="ModuleApp"/> instead.
/// </summary>
public abstract class FunengApp(TestDatabase database) : WebApplicationFactory<Program>, IAsyncLifetime, ITestApp
{
    private int _users;

    public DatabaseProvider Provider => database.Provider;

    public TestMailbox Mailbox { get; } = new();

    public string ConnectionString => database.ConnectionString;

    /// <summary>Per-fixture settings, e.g. a different default pack folder.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual ValueTask InitializeAsync()
    {
        _ = Server; // builds the host: migrations, roles and the default policy pack run now
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mailbox.Dispose();
        await database.DropAsync();
        GC.SuppressFinalize(this);
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public Task<ActingUser> CreateUserAsync(string role, Guid? organisationId = null, OrganisationKind kind = OrganisationKind.Enterprise) =>
        TestUsers.CreateAsync(this, Interlocked.Increment(ref _users), role, organisationId, kind);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(TestHostSettings.Environment);
        foreach (var (key, value) in TestHostSettings.For(database, Mailbox).Concat(ExtraSettings))
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The app on a fresh SQLite file in the temp folder.</summary>
public class SqliteApp() : FunengApp(new SqliteTestDatabase());

/// <summary>The app on SQLite with the public page cache on, as in production.</summary>
public class CachedSqliteApp : SqliteApp
{
    // The background refresh of the index is off so that a test counts only what requests compute.
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PublicCache:Enabled"] = "true", ["Index:SnapshotRefreshSeconds"] = "0" };
}

/// <summary>The app on a fresh database of the PostgreSQL server named by FUNENG_TEST_POSTGRES (scripts/test starts one).</summary>
public class PostgresApp() : FunengApp(new PostgresTestDatabase());
