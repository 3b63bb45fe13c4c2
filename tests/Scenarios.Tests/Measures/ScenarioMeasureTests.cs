using System.Net;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Measures;

/// <summary>
/// Issue 13 item 5 from Scenarios' side: a published list, a challenge and a sector's public scenarios show on the
/// pages of the measures their sector answers, and each link opens for the public; an unpublished list does not show.
/// </summary>
public abstract class ScenarioMeasureTests(FunengApp app)
{
    private const string ElderCareWorkPoint = "/policy/documents/gz-2026-ai-work-points/measures/elderly-care-scenarios";
    private const string ElderCareMeasure = "/policy/documents/gd-2024-ai-empowerment/measures/26";

    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_elder_care_list_its_challenge_and_sector_show_on_the_elder_care_measures_and_their_links_open()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var list = await ScenarioDriver.ElderCareListAsync(office);
        var scenario = await ScenarioDriver.PublishedAsync(owner, office, list);
        Assert.DoesNotContain($"/scenarios/lists/{list}", await app.Anonymous().GetStringAsync(ElderCareWorkPoint, Ct), StringComparison.Ordinal);
        await ScenarioDriver.ReadAsync(await office.Client.PostAsync($"/api/v1/scenario-lists/{list}/publish", null, Ct), HttpStatusCode.OK);
        var challenge = (await _drive.CreateChallengeAsync(office, scenario)).GetProperty("id").GetGuid();

        foreach (var page in new[] { ElderCareWorkPoint, ElderCareMeasure })
        {
            var html = await app.Anonymous().GetStringAsync(page + "?culture=en", Ct);
            foreach (var link in new[] { $"/scenarios/lists/{list}", $"/scenarios/challenges/{challenge}", "/scenarios?sector=elder_care" })
            {
                Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
                var response = await app.Anonymous().GetAsync(link, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
            }

            Assert.Contains("data-status=\"implemented\"", html, StringComparison.Ordinal);
        }
    }
}

// The whole app, not Scenarios alone: the lists and challenges show on Policy's real measure pages.
public sealed class ScenarioMeasuresOnSqlite(ScenariosWholeSqliteApp app) : ScenarioMeasureTests(app), IClassFixture<ScenariosWholeSqliteApp>;

public sealed class ScenarioMeasuresOnPostgres(ScenariosWholePostgresApp app) : ScenarioMeasureTests(app), IClassFixture<ScenariosWholePostgresApp>;
