using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>Issue 12's browser "Done when": suggestions while typing on /catalog, and an English query on the English page finding Chinese listings shown by their English names.</summary>
[Trait("Category", "Browser")]
public sealed class CatalogTypingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_visitor_on_the_English_page_gets_suggestions_while_typing_and_finds_Chinese_listings_by_their_English_names()
    {
        var owner = await UserAsync(Roles.Enterprise);
        var office = await UserAsync(Roles.OfficeStaff);
        var profile = await owner.Client.PutAsJsonAsync($"/api/v1/catalog/organisations/{owner.OrganisationId}",
            new { legalNameZh = "广州粤声智能科技有限公司", legalNameEn = "Guangzhou Yuesheng AI", citySlug = "guangzhou", sectors = new[] { "government" } }, Token);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        await PublishAsync(owner, office, "粤语热线语音识别服务", "Cantonese hotline speech recognition");
        // Another supplier, so that collapsing by supplier keeps both listings on the page.
        await PublishAsync(await UserAsync(Roles.Enterprise), office, "客家话语音识别引擎", "");

        var page = await app.NewPageAsync();
        await page.GotoAsync("/culture/en?returnUrl=/catalog");
        await page.Locator("#q").PressSequentiallyAsync("speech rec", new LocatorPressSequentiallyOptions { Delay = 60 });
        // Each keystroke may answer with suggestions for a shorter prefix ("speech"), so wait for the answer to the
        // whole prefix rather than the first list that shows up.
        var suggestions = page.Locator("#q-suggestions [data-testid=suggestion]");
        await suggestions.Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^speech recognition.*语音识别") }).First.WaitForAsync();
        var offered = await suggestions.AllInnerTextsAsync();
        Assert.Contains(offered, s => s.StartsWith("speech recognition", StringComparison.Ordinal) && s.Contains("语音识别", StringComparison.Ordinal));
        await BrowserApp.ScreenshotAsync(page, "catalog-suggestions");

        await page.Locator("#q").FillAsync("");
        await page.Locator("#q").PressSequentiallyAsync("Cantonese hot", new LocatorPressSequentiallyOptions { Delay = 60 });
        await page.Locator("#q-suggestions [data-testid=suggestion] a", new PageLocatorOptions { HasText = "Cantonese hotline speech recognition" }).WaitForAsync();

        await page.Locator("#q").FillAsync("speech recognition");
        await page.ClickAsync("form.filters button[type=submit]");
        var titles = await page.Locator("[data-testid=hit] h3 a").AllInnerTextsAsync();
        Assert.Contains("Cantonese hotline speech recognition", titles);
        Assert.Contains("客家话语音识别引擎", titles);
        Assert.DoesNotContain("粤语热线语音识别服务", titles);
        var owners = await page.Locator("[data-testid=hit] .card-source a").AllInnerTextsAsync();
        Assert.Contains("Guangzhou Yuesheng AI", owners);
        Assert.DoesNotContain("广州粤声智能科技有限公司", owners);
        await BrowserApp.ScreenshotAsync(page, "catalog-english-query");
    }

    /// <summary>A user whose API client talks to the same Kestrel server as the browser.</summary>
    private async Task<ActingUser> UserAsync(string role)
    {
        var user = await app.CreateUserAsync(role);
        user.Client.BaseAddress = new Uri(app.BaseUrl);
        return user;
    }

    private static async Task PublishAsync(ActingUser owner, ActingUser office, string titleZh, string titleEn)
    {
        var created = await owner.Client.PostAsJsonAsync("/api/v1/catalog/listings", new
        {
            type = "algorithm_product", titleZh, titleEn, summaryZh = "电话语音实时转写为文字", citySlug = "guangzhou", sectors = new[] { "government" },
            keywords = Array.Empty<string>(), attributes = new Dictionary<string, string> { ["deployment"] = "cloud" },
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("listing").GetProperty("summary").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsJsonAsync($"/api/v1/catalog/listings/{id}/submit", new { }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsJsonAsync($"/api/v1/catalog/listings/{id}/publish", new { }, Token)).StatusCode);
    }
}
