using Funeng.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Funeng.Scenarios.Tests;

/// <summary>What the Scenarios tests add to a host: a clock they can move, and attachments in a temp folder.</summary>
public interface IScenariosApp : ITestApp
{
    FakeTimeProvider Clock { get; }
}

internal static class ScenariosAppSetup
{
    public static IReadOnlyDictionary<string, string?> Settings(string attachments) => new Dictionary<string, string?>
    {
        ["Scenarios:AttachmentDirectory"] = attachments,
        ["Scenarios:NoticePeriod"] = "7.00:00:00",
    };

    public static string NewAttachmentFolder() => Path.Combine(Path.GetTempPath(), $"funeng-attachments-{Guid.NewGuid():N}");
}

/// <summary>Scenarios alone on SQLite: Platform under it, fakes for Policy, Incentives and Catalog.</summary>
public sealed class ScenariosSqliteApp() : ModuleApp(ModuleUnderTest.Scenarios, new SqliteTestDatabase()), IScenariosApp
{
    private readonly string _attachments = ScenariosAppSetup.NewAttachmentFolder();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => ScenariosAppSetup.Settings(_attachments);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Scenarios alone on PostgreSQL.</summary>
public sealed class ScenariosPostgresApp() : ModuleApp(ModuleUnderTest.Scenarios, new PostgresTestDatabase()), IScenariosApp
{
    private readonly string _attachments = ScenariosAppSetup.NewAttachmentFolder();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => ScenariosAppSetup.Settings(_attachments);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Every module on SQLite, for the Scenarios tests that cross into Incentives, Catalog or Policy on purpose.</summary>
public sealed class ScenariosWholeSqliteApp : SqliteApp, IScenariosApp
{
    private readonly string _attachments = ScenariosAppSetup.NewAttachmentFolder();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => ScenariosAppSetup.Settings(_attachments);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Every module on PostgreSQL, for the Scenarios tests that cross modules on purpose.</summary>
public sealed class ScenariosWholePostgresApp : PostgresApp, IScenariosApp
{
    private readonly string _attachments = ScenariosAppSetup.NewAttachmentFolder();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => ScenariosAppSetup.Settings(_attachments);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}
