using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Index.Indicators;
using Funeng.TestSupport;

namespace Funeng.Index.Tests.Indicators;

/// <summary>
/// The real policy pack against Index's indicators: on the whole app (<see cref="SqliteApp"/>), since the subject is
/// what Policy loads from <c>policies/</c> meeting what Index tracks, which no fake can stand in for. It reads data,
/// not storage, so SQLite is enough.
/// </summary>
public sealed class PolicyPackIndicatorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_target_of_the_policy_pack_has_an_indicator()
    {
        var targets = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/policy/targets", Token);
        var indicators = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/indicators", Token);

        Assert.NotEmpty(targets.EnumerateArray());
        Assert.All(targets.EnumerateArray(), t => Assert.NotNull(IndicatorCatalog.Find(t.GetProperty("indicator").GetString()!)));
        var attached = indicators.EnumerateArray().SelectMany(i => i.GetProperty("targets").EnumerateArray().Select(t => t.GetString())).ToHashSet();
        Assert.All(targets.EnumerateArray(), t => Assert.Contains(t.GetProperty("id").GetString(), attached));
    }
}
