using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Posts;

/// <summary>
/// Scenario lists and matches with the real neighbours they read: a list's quotas come from Policy's pack targets, a
/// published scenario's suppliers from Catalog's search. On the whole app on purpose: each test is about the figures
/// or the hits those modules really give.
/// </summary>
public abstract class ScenarioApiAcrossModulesTests(FunengApp app)
{
    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Office_places_a_published_scenario_in_a_list_once_and_a_missing_scenario_is_a_404()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var list = await ScenarioDriver.ElderCareListAsync(office);
        var id = await ScenarioDriver.PublishedAsync(owner, office);

        var placed = await ScenarioDriver.ReadAsync(await office.Client.PostAsJsonAsync($"/api/v1/scenario-lists/{list}/entries", new { scenarioId = id }, Ct), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(placed.GetProperty("scenarios").EnumerateArray()).GetProperty("id").GetGuid());
        await ScenarioDriver.ProblemAsync(await office.Client.PostAsJsonAsync($"/api/v1/scenario-lists/{list}/entries", new { scenarioId = id }, Ct), HttpStatusCode.Conflict);
        await ScenarioDriver.ProblemAsync(await office.Client.PostAsJsonAsync($"/api/v1/scenario-lists/{list}/entries", new { scenarioId = Guid.NewGuid() }, Ct), HttpStatusCode.NotFound);
        var after = await ScenarioDriver.ReadAsync(await office.Client.GetAsync($"/api/v1/scenario-lists/{list}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, after.GetProperty("quotas")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Office_publishes_into_the_Guangzhou_elder_care_list_and_the_quota_progress_moves()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var list = await ScenarioDriver.ElderCareListAsync(office);
        var before = await ScenarioDriver.ReadAsync(await office.Client.GetAsync($"/api/v1/scenario-lists/{list}", Ct), HttpStatusCode.OK);
        var quota = Assert.Single(before.GetProperty("quotas").EnumerateArray());
        Assert.Equal(20, quota.GetProperty("target").GetInt32());
        Assert.Equal("gz-elderly-care-scenarios-2026", quota.GetProperty("policyTargetId").GetString());
        Assert.Equal("/policy/documents/gz-2026-ai-work-points/measures/elderly-care-scenarios", quota.GetProperty("policyTargetPath").GetString());
        Assert.Equal(0, quota.GetProperty("count").GetInt32());

        // A page names the target the quota comes from, linked to its measure, and shows no id.
        var page = WebUtility.HtmlDecode(await office.Client.GetStringAsync("/scenarios", Ct));
        Assert.Contains("href=\"/policy/documents/gz-2026-ai-work-points/measures/elderly-care-scenarios\" data-testid=\"quota-target\">“人工智能+养老服务”应用场景</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">gz-elderly-care-scenarios-2026<", page, StringComparison.Ordinal);

        var id = await ScenarioDriver.PublishedAsync(owner, office, list);

        var after = await ScenarioDriver.ReadAsync(await office.Client.GetAsync($"/api/v1/scenario-lists/{list}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, after.GetProperty("quotas")[0].GetProperty("count").GetInt32());
        Assert.Equal(id, after.GetProperty("scenarios")[0].GetProperty("id").GetGuid());
        var published = await ScenarioDriver.ReadAsync(await app.Anonymous().GetAsync($"/api/v1/scenarios/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("published", published.GetProperty("status").GetString());
        await Assert.ThrowsAsync<HttpRequestException>(() => app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/scenario-lists/{list}", Ct));
        await ScenarioDriver.ReadAsync(await office.Client.PostAsync($"/api/v1/scenario-lists/{list}/publish", null, Ct), HttpStatusCode.OK);
        var open = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/scenario-lists/{list}", Ct);
        Assert.True(open.GetProperty("published").GetBoolean());
    }

    [Fact]
    public async Task A_quota_set_by_the_pack_cannot_be_overridden_and_one_it_lacks_needs_a_figure()
    {
        var office = await _drive.OfficeAsync();
        var response = await office.Client.PostAsJsonAsync("/api/v1/scenario-lists", new
        {
            titleZh = "清单", titleEn = "List", year = 2026, scope = "city:guangzhou",
            quotas = new object[] { new { sector = "manufacturing", target = 5 }, new { sector = "finance" } },
        }, Ct);
        var problem = await ScenarioDriver.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("gz-manufacturing-scenarios-2026", errors.GetProperty("quotas[0].target")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("请填写一个正数", errors.GetProperty("quotas[1].target")[0].GetString(), StringComparison.Ordinal); // told in the reader's language (zh-CN by default)
    }

    [Fact]
    public async Task A_province_list_for_2027_takes_the_500_scenario_goal_from_the_pack()
    {
        var office = await _drive.OfficeAsync();
        var response = await office.Client.PostAsJsonAsync("/api/v1/scenario-lists", new
        {
            titleZh = "广东省2027年场景清单", titleEn = "Guangdong 2027 scenarios", year = 2027, scope = "province", quotas = new[] { new { sector = (string?)null } },
        }, Ct);
        var list = await ScenarioDriver.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(500, list.GetProperty("quotas")[0].GetProperty("target").GetInt32());
    }

    [Fact]
    public async Task The_owner_is_told_which_terms_of_the_need_no_entry_mentions_and_sees_every_supplier_named_in_either_language()
    {
        // "Night fall detection": fall detection (跌倒检测 in the glossary) is in no listing here, so the suppliers listed
        // answer only the rest of the need, and the page says so. The one supplier's listing is entered in Chinese only
        // (its English summary says what matches): on English pages it was an empty link.
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var listing = await ScenarioDriver.ReadAsync(await supplier.Client.PostAsJsonAsync("/api/v1/catalog/listings", new
        {
            type = "algorithm_product", titleZh = "夜间巡视提醒服务", titleEn = "", summaryZh = "夜间巡视", summaryEn = "Night alerts within two minutes for care staff",
            citySlug = "guangzhou", sectors = new[] { "elder_care" }, keywords = Array.Empty<string>(), attributes = new Dictionary<string, string>(),
        }, Ct), HttpStatusCode.Created);
        var listingId = listing.GetProperty("listing").GetProperty("summary").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.PostAsJsonAsync($"/api/v1/catalog/listings/{listingId}/submit", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsJsonAsync($"/api/v1/catalog/listings/{listingId}/publish", new { }, Ct)).StatusCode);
        var id = await ScenarioDriver.PublishedAsync(owner, office);

        var chinese = System.Net.WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/scenarios/{id}", Ct));
        await owner.Client.GetAsync("/culture/en?returnUrl=/", Ct);
        var english = System.Net.WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/scenarios/{id}", Ct));

        Assert.Contains("目录中没有条目提到需求里的：fall detection", chinese, StringComparison.Ordinal);
        Assert.Contains("No entry in the catalog mentions these terms of the need: fall detection.", english, StringComparison.Ordinal);
        Assert.Contains("The suppliers below answer the rest of it.", english, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/catalog/listings/{listingId}\">夜间巡视提醒服务</a>", english, StringComparison.Ordinal);

        // The API says the same as the page: the suppliers, and the terms none of them was found for.
        var matches = await ScenarioDriver.ReadAsync(await owner.Client.GetAsync($"/api/v1/scenarios/{id}/matches", Ct), HttpStatusCode.OK);
        Assert.Equal(["fall detection"], matches.GetProperty("unfound").EnumerateArray().Select(t => t.GetString()));
        var found = Assert.Single(matches.GetProperty("suppliers").EnumerateArray(), m => m.GetProperty("listingId").GetGuid() == listingId);
        Assert.NotEmpty(found.GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task Suppliers_are_matched_to_a_published_scenario_and_interest_reaches_its_owner()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var id = await ScenarioDriver.PublishedAsync(owner, office);
        var matches = await ScenarioDriver.ReadAsync(await owner.Client.GetAsync($"/api/v1/scenarios/{id}/matches", Ct), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, matches.GetProperty("unfound").ValueKind);
        Assert.All(matches.GetProperty("suppliers").EnumerateArray(), m => Assert.NotEmpty(m.GetProperty("reasons").EnumerateArray()));

        Assert.Equal(HttpStatusCode.Created, (await supplier.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct)).StatusCode);
        Assert.Contains("is interested in your scenario", await owner.Client.GetStringAsync("/api/v1/account/notifications", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_scenarios_matches_are_shown_to_its_owner_and_reviewers_once_it_is_published()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var draft = await ScenarioDriver.DraftAsync(owner);
        var published = await ScenarioDriver.PublishedAsync(owner, office);

        await ScenarioDriver.ReadAsync(await office.Client.GetAsync($"/api/v1/scenarios/{published}/matches", Ct), HttpStatusCode.OK);
        var refused = await ScenarioDriver.ProblemAsync(await supplier.Client.GetAsync($"/api/v1/scenarios/{published}/matches", Ct), HttpStatusCode.Forbidden);
        Assert.Equal("场景的匹配供应商只向场景所有者和审核人员显示。", refused.GetProperty("detail").GetString());
        await ScenarioDriver.ProblemAsync(await app.Anonymous().GetAsync($"/api/v1/scenarios/{published}/matches", Ct), HttpStatusCode.Unauthorized);
        await ScenarioDriver.ProblemAsync(await owner.Client.GetAsync($"/api/v1/scenarios/{draft}/matches", Ct), HttpStatusCode.Conflict);

        // The page asks the same rule: the supplier reads the scenario, not the list of its rivals.
        Assert.DoesNotContain("matches-title", await supplier.Client.GetStringAsync($"/scenarios/{published}", Ct), StringComparison.Ordinal);
        Assert.Contains("matches-title", await office.Client.GetStringAsync($"/scenarios/{published}", Ct), StringComparison.Ordinal);
    }
}

public sealed class ScenarioApiAcrossModulesOnSqlite(ScenariosWholeSqliteApp app) : ScenarioApiAcrossModulesTests(app), IClassFixture<ScenariosWholeSqliteApp>;

public sealed class ScenarioApiAcrossModulesOnPostgres(ScenariosWholePostgresApp app) : ScenarioApiAcrossModulesTests(app), IClassFixture<ScenariosWholePostgresApp>;
