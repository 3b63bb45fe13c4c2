using Funeng.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Funeng.Scenarios.Tests;

/// <summary>What the Scenarios tests add to the app: a clock they can move, and attachments in a temp folder.</summary>
public interface IScenariosApp
{
    FakeTimeProvider Clock { get; }
}

internal static class ScenariosAppSetup
{
    public static void Configure(IWebHostBuilder builder, FakeTimeProvider clock, string attachments)
    {
        builder.UseSetting("Scenarios:AttachmentDirectory", attachments);
        builder.UseSetting("Scenarios:NoticePeriod", "7.00:00:00");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
    }
}

public sealed class ScenariosSqliteApp : SqliteApp, IScenariosApp
{
    private readonly string _attachments = Path.Combine(Path.GetTempPath(), $"funeng-attachments-{Guid.NewGuid():N}");

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ScenariosAppSetup.Configure(builder, Clock, _attachments);
    }
}

public sealed class ScenariosPostgresApp : PostgresApp, IScenariosApp
{
    private readonly string _attachments = Path.Combine(Path.GetTempPath(), $"funeng-attachments-{Guid.NewGuid():N}");

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ScenariosAppSetup.Configure(builder, Clock, _attachments);
    }
}
