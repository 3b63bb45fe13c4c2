using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Scenarios.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Posts;

/// <summary>
/// Scenario posts through the real pipeline with Scenarios booted alone, on SQLite and on PostgreSQL (lists with the
/// pack's quotas and matches: <see cref="ScenarioApiAcrossModulesTests"/>).
/// </summary>
public abstract class ScenarioApiTests(ITestApp app)
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
    public async Task Every_follower_and_the_owner_are_notified_of_a_change_in_one_save()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var followers = new[] { await app.CreateUserAsync(Roles.Enterprise), await app.CreateUserAsync(Roles.Enterprise) };
        var id = await ScenarioDriver.PublishedAsync(owner, office);
        foreach (var follower in followers)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await follower.Client.PutAsync($"/api/v1/scenarios/{id}/follow", null, Ct)).StatusCode);
        }

        var saves = new ConcurrentQueue<string[]>();
        using (new EfCoreEvents((name, payload) => RecordRecipients(name, payload, $"/scenarios/{id}", saves)))
        {
            await ScenarioDriver.MoveOkAsync(office, id, "match");
        }

        var save = Assert.Single(saves);
        Assert.Equal(followers.Select(f => f.UserId).Append(owner.UserId).Order(StringComparer.Ordinal), save.Order(StringComparer.Ordinal));
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

    /// <summary>
    /// The recipients of a save that adds notifications linking to <paramref name="link"/> (a link one test's alone,
    /// as tests in other classes save at the same time).
    /// </summary>
    private static void RecordRecipients(string name, object? payload, string link, ConcurrentQueue<string[]> saves)
    {
        if (name != CoreEventId.SaveChangesStarting.Name || payload is not DbContextEventData { Context: { } context })
        {
            return;
        }

        var recipients = context.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && e.Metadata.GetTableName() == "platform_notifications" && Equals(e.Property("Link").CurrentValue, link))
            .Select(e => (string)e.Property("UserId").CurrentValue!)
            .ToArray();
        if (recipients.Length > 0)
        {
            saves.Enqueue(recipients);
        }
    }
}

public sealed class ScenarioApiOnSqlite(ScenariosSqliteApp app) : ScenarioApiTests(app), IClassFixture<ScenariosSqliteApp>;

public sealed class ScenarioApiOnPostgres(ScenariosPostgresApp app) : ScenarioApiTests(app), IClassFixture<ScenariosPostgresApp>;
