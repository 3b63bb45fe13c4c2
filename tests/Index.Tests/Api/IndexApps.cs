using Funeng.Kernel.Indicators;
using Funeng.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Index.Tests.Api;

/// <summary>A live source the tests set, standing in for another module's (the Index module needs none to work).</summary>
public sealed class TestLiveSource : ILiveIndicatorSource
{
    private volatile IReadOnlyList<LiveObservation> _values = [];

    public void Set(params LiveObservation[] values) => _values = values;

    public Task<IReadOnlyList<LiveObservation>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(_values);

    public static void Register(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<TestLiveSource>();
        services.AddScoped<ILiveIndicatorSource>(sp => sp.GetRequiredService<TestLiveSource>());
    });
}

public sealed class IndexSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestLiveSource.Register(builder);
    }
}

public sealed class IndexPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestLiveSource.Register(builder);
    }
}
