using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Cases;

/// <summary>
/// Writing up a case on the scenario page: refused input shows the page again with the problem by its field, in
/// the reader's language, in the summary and beside the field, with what was typed kept (it used to come back as one
/// joined sentence); Scenarios booted alone.
/// </summary>
public sealed class CasePageTests(ScenariosSqliteApp app) : IClassFixture<ScenariosSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_without_a_title_shows_the_page_again_naming_the_title_and_a_complete_one_is_saved()
    {
        var drive = new ScenarioDriver(app);
        var owner = await drive.OwnerAsync();
        var scenario = await ScenarioDriver.DeliveredAsync(owner, await drive.OfficeAsync());
        var page = $"/scenarios/{scenario}?culture=en";
        var token = CookieSignIn.AntiforgeryToken(await owner.Client.GetStringAsync(page, Ct));

        FormUrlEncodedContent Form(string title) => new(new Dictionary<string, string>
        {
            ["title"] = title, ["summary"] = "Fewer late-found falls.", ["outcomeName"] = "Late-found falls", ["outcomeValue"] = "-52.5",
            ["outcomeUnit"] = "%", ["__RequestVerificationToken"] = token,
        });

        var refused = await owner.Client.PostAsync($"/scenarios/{scenario}?culture=en&handler=Case", Form(""), Ct);
        var body = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-field=\"title\">Give a title of at most 200 characters.<", body, StringComparison.Ordinal);
        // Beside the field too, and what was typed stays in the form.
        Assert.Contains("<span id=\"caseTitle-error\" class=\"hint\" role=\"alert\">Give a title of at most 200 characters.</span>", body, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"caseTitle-error\"", body, StringComparison.Ordinal);
        Assert.Contains(">Fewer late-found falls.</textarea>", body, StringComparison.Ordinal);
        Assert.Contains("value=\"Late-found falls\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("caseSummary-error", body, StringComparison.Ordinal);

        var saved = await owner.Client.PostAsync($"/scenarios/{scenario}?culture=en&handler=Case", Form("Falls halved"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var cases = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/cases", Ct);
        Assert.Contains(cases.EnumerateArray(), c => c.GetProperty("scenarioId").GetGuid() == scenario && c.GetProperty("title").GetString() == "Falls halved");
    }
}
