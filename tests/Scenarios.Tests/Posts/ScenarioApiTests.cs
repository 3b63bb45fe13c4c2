using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Scenarios.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Posts;

/// <summary>Scenario posts and lists through the real pipeline, on SQLite and on PostgreSQL.</summary>
public abstract class ScenarioApiTests(FunengApp app)
{
    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_is_seen_by_its_organisation_and_reviewers_but_not_the_public()
    {
        var owner = await _drive.OwnerAsync();
        var id = await ScenarioDriver.DraftAsync(owner);

        var mine = await ScenarioDriver.ReadAsync(await owner.Client.GetAsync("/api/v1/scenarios?mine=true", Ct), HttpStatusCode.OK);
        var draft = Assert.Single(mine.EnumerateArray());
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(100000.50m, draft.GetProperty("budgetMin").GetDecimal());
        Assert.Equal(["submit", "close"], draft.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/scenarios/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await app.Anonymous().GetStringAsync("/api/v1/scenarios", Ct), StringComparison.Ordinal);
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
        Assert.Equal(0, quota.GetProperty("count").GetInt32());

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
    public async Task An_illegal_transition_is_a_409_problem_naming_the_action()
    {
        var owner = await _drive.OwnerAsync();
        var id = await ScenarioDriver.DraftAsync(owner);
        var problem = await ScenarioDriver.ProblemAsync(await ScenarioDriver.MoveAsync(owner, id, "deliver"), HttpStatusCode.Conflict);
        Assert.Equal("action", problem.GetProperty("field").GetString());
        Assert.Equal("状态为“草稿”的场景不能执行“标记为已交付”。此状态下可执行：提交审核、关闭。", problem.GetProperty("detail").GetString());

        await ScenarioDriver.MoveOkAsync(owner, id, "submit");
        var ownPublish = await ScenarioDriver.ProblemAsync(await ScenarioDriver.MoveAsync(owner, id, "publish"), HttpStatusCode.Forbidden);
        Assert.Equal("只有省、市主管部门工作人员可以对本场景执行“发布”。", ownPublish.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Returning_needs_reasons_and_the_owner_then_edits_and_resubmits()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var id = await ScenarioDriver.DraftAsync(owner);
        await ScenarioDriver.MoveOkAsync(owner, id, "submit");
        var noReason = await ScenarioDriver.ProblemAsync(await ScenarioDriver.MoveAsync(office, id, "return"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("reason", noReason.GetProperty("field").GetString());

        var returned = await ScenarioDriver.ReadAsync(await ScenarioDriver.MoveAsync(office, id, "return", "State the budget source."), HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal("State the budget source.", returned.GetProperty("returnReason").GetString());
        var edited = await owner.Client.PutAsJsonAsync($"/api/v1/scenarios/{id}", ScenarioDriver.ScenarioBody("Night falls, budget from the care fund"), Ct);
        Assert.Equal("Night falls, budget from the care fund", (await ScenarioDriver.ReadAsync(edited, HttpStatusCode.OK)).GetProperty("title").GetString());
        await ScenarioDriver.MoveOkAsync(owner, id, "submit");
        var published = await ScenarioDriver.MoveOkAsync(office, id, "publish");
        Assert.Equal(JsonValueKind.Null, published.GetProperty("returnReason").ValueKind);
    }

    [Fact]
    public async Task Another_organisation_cannot_edit_or_move_a_scenario()
    {
        var owner = await _drive.OwnerAsync();
        var stranger = await _drive.OwnerAsync();
        var id = await ScenarioDriver.DraftAsync(owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.PutAsJsonAsync($"/api/v1/scenarios/{id}", ScenarioDriver.ScenarioBody(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScenarioDriver.MoveAsync(stranger, id, "submit")).StatusCode);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Client.PostAsJsonAsync("/api/v1/scenarios", ScenarioDriver.ScenarioBody(), Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_each_field()
    {
        var owner = await _drive.OwnerAsync();
        var response = await owner.Client.PostAsJsonAsync("/api/v1/scenarios", new
        {
            title = "", problem = "p", expectedOutcome = "o", sector = "space_tourism", city = "atlantis", budgetMin = 10m, budgetMax = 5m,
            deadline = "2000-01-01", contactName = "Z", contactDetail = "z",
        }, Ct);
        var errors = (await ScenarioDriver.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "title", "sector", "city", "budgetMax", "deadline" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Every_transition_is_audited_with_its_states()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var id = await ScenarioDriver.PublishedAsync(owner, office);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScenariosDb>();
        var key = id.ToString();
        var actions = await db.Database.SqlQuery<string>($"SELECT \"Action\" AS \"Value\" FROM platform_audit_log WHERE \"EntityId\" = {key} ORDER BY \"Sequence\"").ToListAsync(Ct);
        Assert.Equal(["scenarios.scenario.created", "scenarios.scenario.submit", "scenarios.scenario.publish"], actions);
    }

    [Fact]
    public async Task Followers_and_the_owner_are_notified_when_a_scenario_changes()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var follower = await app.CreateUserAsync(Roles.Enterprise);
        var id = await ScenarioDriver.PublishedAsync(owner, office);
        Assert.Equal(HttpStatusCode.NoContent, (await follower.Client.PutAsync($"/api/v1/scenarios/{id}/follow", null, Ct)).StatusCode);
        await ScenarioDriver.MoveOkAsync(owner, id, "match");

        var inbox = await follower.Client.GetStringAsync("/api/v1/account/notifications", Ct);
        Assert.Contains("is now Matched", inbox, StringComparison.Ordinal);
        Assert.Contains("is now Published", await owner.Client.GetStringAsync("/api/v1/account/notifications", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_15_following_an_unpublished_scenario_does_not_leak_its_title_through_notifications()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var snoop = await app.CreateUserAsync(Roles.Enterprise);
        var response = await owner.Client.PostAsJsonAsync("/api/v1/scenarios", ScenarioDriver.ScenarioBody(title: "Secret ward plan"), Ct);
        var id = (await ScenarioDriver.ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await snoop.Client.PutAsync($"/api/v1/scenarios/{id}/follow", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await snoop.Client.PutAsync($"/api/v1/scenarios/{Guid.NewGuid()}/follow", null, Ct)).StatusCode);

        var published = await ScenarioDriver.PublishedAsync(owner, office);
        Assert.Equal(HttpStatusCode.NoContent, (await snoop.Client.PutAsync($"/api/v1/scenarios/{published}/follow", null, Ct)).StatusCode);
        await ScenarioDriver.MoveOkAsync(owner, id, "submit");
        await ScenarioDriver.MoveOkAsync(office, id, "publish");
        await ScenarioDriver.MoveOkAsync(owner, published, "match");
        var inbox = await snoop.Client.GetStringAsync("/api/v1/account/notifications", Ct);
        Assert.DoesNotContain("Secret ward plan", inbox, StringComparison.Ordinal);
        Assert.Contains("is now Matched", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_15_an_anonymous_reader_sees_no_scenario_contact_details()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var id = await ScenarioDriver.PublishedAsync(owner, office);
        var anonymous = app.Anonymous();
        foreach (var body in new[]
        {
            await anonymous.GetStringAsync($"/api/v1/scenarios/{id}", Ct), await anonymous.GetStringAsync("/api/v1/scenarios", Ct),
            await anonymous.GetStringAsync($"/scenarios/{id}", Ct),
        })
        {
            Assert.DoesNotContain("owner@example.test", body, StringComparison.Ordinal);
        }

        var member = await app.CreateUserAsync(Roles.Enterprise);
        Assert.Equal("owner@example.test", (await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/scenarios/{id}", Ct)).GetProperty("contactDetail").GetString());
    }

    [Fact]
    public async Task Suppliers_are_matched_to_a_published_scenario_and_interest_reaches_its_owner()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var id = await ScenarioDriver.PublishedAsync(owner, office);
        var matches = await ScenarioDriver.ReadAsync(await owner.Client.GetAsync($"/api/v1/scenarios/{id}/matches", Ct), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, matches.ValueKind);
        Assert.All(matches.EnumerateArray(), m => Assert.NotEmpty(m.GetProperty("reasons").EnumerateArray()));

        Assert.Equal(HttpStatusCode.Created, (await supplier.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct)).StatusCode);
        Assert.Contains("is interested in your scenario", await owner.Client.GetStringAsync("/api/v1/account/notifications", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct)).StatusCode);
    }
}

// The whole app, not Scenarios alone: a list's quotas are read from Policy's real pack targets, and a published
// scenario's suppliers are matched over Catalog's real search.
public sealed class ScenarioApiOnSqlite(ScenariosWholeSqliteApp app) : ScenarioApiTests(app), IClassFixture<ScenariosWholeSqliteApp>;

public sealed class ScenarioApiOnPostgres(ScenariosWholePostgresApp app) : ScenarioApiTests(app), IClassFixture<ScenariosWholePostgresApp>;
