using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Incentives.Tests.Awards;

/// <summary>
/// A cached public figure moves the moment an award is approved (issue 16). On the whole app on purpose: the figure is
/// Index's, read through its cached public API.
/// </summary>
public sealed class AwardCacheTests(CachedSqliteApp app) : IClassFixture<CachedSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approving_an_award_changes_the_cached_public_award_count_at_once()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, IncentivesTestData.Champion, "annual_budget", 30_000_000m);
        var id = (await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 1)).Single();
        var before = await AwardsThisYearAsync();
        Assert.Equal(before, await AwardsThisYearAsync()); // now served from the cache

        var decision = await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "holds the title" }, Token);
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);

        Assert.Equal(before + 1, await AwardsThisYearAsync());
    }

    private async Task<decimal> AwardsThisYearAsync()
    {
        var figures = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/observations?indicator=incentive_awards&scope=province", Token);
        return figures.EnumerateArray().Where(f => f.GetProperty("year").GetInt32() == DateTime.UtcNow.Year).Sum(f => f.GetProperty("value").GetDecimal());
    }
}
