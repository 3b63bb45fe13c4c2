using System.Net;

namespace Funeng.Scenarios.Tests.Posts;

/// <summary>
/// The owner's edit form (<c>/scenarios/post?id=</c>) is filled from the scenario for its own organisation only
/// (<c>EditScenario.FormAsync</c>); another owner, or an id that names nothing, is told there is no such page.
/// </summary>
public sealed class PostFormTests(ScenariosSqliteApp app) : IClassFixture<ScenariosSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_edit_form_shows_the_owners_draft_and_is_not_found_for_another_organisation()
    {
        var drive = new ScenarioDriver(app);
        var owner = await drive.OwnerAsync();
        var stranger = await drive.OwnerAsync();
        var draft = await ScenarioDriver.DraftAsync(owner);

        var form = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/scenarios/post?id={draft}", Ct));
        Assert.Contains("value=\"Night fall detection\"", form, StringComparison.Ordinal);
        Assert.Contains("owner@example.test", form, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/scenarios/post?id={draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"/scenarios/post?id={Guid.NewGuid()}", Ct)).StatusCode);
    }
}
