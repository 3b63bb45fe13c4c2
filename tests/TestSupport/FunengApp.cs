using System.Net.Http.Headers;
using Funeng.Kernel.Database;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Funeng.TestSupport;

/// <summary>
/// The real web application, through its real HTTP pipeline, on a database of its own that no other fixture
/// shares. Subclasses pick the provider; tests written once against <see cref="FunengApp"/> run on both.
/// </summary>
public abstract class FunengApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private int _users;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The SMTP server the app sends its mail to; tests read the messages from it.</summary>
    public TestMailbox Mailbox { get; } = new();

    /// <summary>The connection string of this fixture's own database.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Per-fixture settings, e.g. a different default pack folder.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        await PrepareDatabaseAsync();
        _ = Server; // builds the host: migrations, roles and the default policy pack run now
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mailbox.Dispose();
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>An anonymous client (the public).</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Creates a user with <paramref name="role"/> in a new organisation (or the one given) and a client holding its API token.</summary>
    public async Task<ActingUser> CreateUserAsync(string role, Guid? organisationId = null, OrganisationKind kind = OrganisationKind.Enterprise)
    {
        var n = Interlocked.Increment(ref _users);
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountCommands>();
        var organisation = organisationId ?? await accounts.CreateOrganisationAsync($"测试机构{n}", $"Test organisation {n}", kind, "guangzhou");
        var email = $"{role.ToLowerInvariant()}{n}-{Guid.NewGuid():N}@test.local";
        var password = "Test-password-1a" + n;
        var userId = await accounts.CreateAccountAsync(email, password, $"{role} {n}", organisation, role);
        var token = await accounts.IssueApiTokenAsync(userId, "tests", 30);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ActingUser(userId, email, password, organisation, role, client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Funeng", ConnectionString);
        builder.UseSetting("Startup:SeedDemoData", "false");
        // Most tests change data behind the HTTP pipeline's back (a test live source, a direct database write),
        // which a cached public page cannot see; the cache has its own tests (CachedSqliteApp).
        builder.UseSetting("PublicCache:Enabled", "false");
        // The in-process server gives requests no client address, so a whole fixture shares one rate-limit bucket;
        // the limits have their own tests (RateLimitTests), which set them low again.
        foreach (var policy in new[] { "SignIn", "Registration", "PasswordReset", "AnonymousSearch" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
        }
        // Award events are delivered right after each commit; the worker's periodic round would deliver what a test
        // leaves pending on purpose (a simulated crash), so it runs at start-up only and such tests run it themselves.
        builder.UseSetting("Incentives:OutboxDeliverySeconds", "0");
        builder.UseSetting("Platform:Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Platform:Mail:SmtpPort", Mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected abstract Task PrepareDatabaseAsync();

    protected abstract Task DropDatabaseAsync();
}

/// <summary>A signed-up user and an HTTP client that authenticates as them with an API token.</summary>
public sealed record ActingUser(string UserId, string Email, string Password, Guid OrganisationId, string Role, HttpClient Client);

/// <summary>The app on a fresh SQLite file in the temp folder.</summary>
public class SqliteApp : FunengApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"funeng-test-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={_file};Default Timeout=30";

    protected override Task PrepareDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The app on SQLite with the public page cache on, as in production.</summary>
public class CachedSqliteApp : SqliteApp
{
    // The background refresh of the index is off so that a test counts only what requests compute.
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PublicCache:Enabled"] = "true", ["Index:SnapshotRefreshSeconds"] = "0" };
}

/// <summary>
/// The app on a fresh database of the PostgreSQL server named by FUNENG_TEST_POSTGRES (scripts/test starts one).
/// A missing server fails the test run; it is never skipped.
/// </summary>
public class PostgresApp : FunengApp
{
    public const string ServerVariable = "FUNENG_TEST_POSTGRES";

    private readonly string _database = $"funeng_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = _database }.ConnectionString;

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException(
            $"{ServerVariable} is not set. Run the tests with scripts/test, which starts a private PostgreSQL server, " +
            $"or set {ServerVariable}='Host=127.0.0.1;Port=5432;Username=postgres'.");

    protected override Task PrepareDatabaseAsync() => Task.CompletedTask; // migrations create the database

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
