using System.Net;
using System.Net.Http.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Matchmaking;

/// <summary>Interest and invitations as records: sent once, answered by the other side, notified, listed for both.</summary>
public abstract class ApproachApiTests(FunengApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ScenarioDriver _drive = new(app);

    [Fact]
    public async Task Interest_is_stored_once_shown_to_the_owner_and_accepted_with_a_notice_to_the_supplier()
    {
        var owner = await _drive.OwnerAsync();
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var id = await ScenarioDriver.PublishedAsync(owner, await _drive.OfficeAsync());

        var sent = await ScenarioDriver.ReadAsync(await supplier.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct), HttpStatusCode.Created);
        Assert.Equal("open", sent.GetProperty("status").GetString());
        Assert.Contains("is interested in your scenario", await owner.Client.GetStringAsync("/api/v1/account/notifications", Ct), StringComparison.Ordinal);
        var again = await supplier.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已发出", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var listed = await ScenarioDriver.ReadAsync(await owner.Client.GetAsync($"/api/v1/scenarios/{id}/approaches", Ct), HttpStatusCode.OK);
        var approach = Assert.Single(listed.EnumerateArray());
        Assert.Equal("interest", approach.GetProperty("kind").GetString());
        var approachId = approach.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/accept", null, Ct)).StatusCode);

        var accepted = await ScenarioDriver.ReadAsync(await owner.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/accept", null, Ct), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Contains("已接受", await supplier.Client.GetStringAsync("/api/v1/account/notifications", Ct), StringComparison.Ordinal);
        var mine = await ScenarioDriver.ReadAsync(await supplier.Client.GetAsync("/api/v1/scenarios/approaches", Ct), HttpStatusCode.OK);
        Assert.Equal("accepted", Assert.Single(mine.EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/decline", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_invitation_is_declined_by_the_supplier_and_a_stranger_can_neither_see_nor_answer_it()
    {
        var owner = await _drive.OwnerAsync();
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var stranger = await app.CreateUserAsync(Roles.Enterprise);
        await supplier.Client.PutAsJsonAsync($"/api/v1/catalog/organisations/{supplier.OrganisationId}",
            new { legalNameZh = "邀请测试科技有限公司", citySlug = "guangzhou", sectors = new[] { "elder_care" } }, Ct);
        var id = await ScenarioDriver.PublishedAsync(owner, await _drive.OfficeAsync());

        var invited = await ScenarioDriver.ReadAsync(await owner.Client.PostAsJsonAsync($"/api/v1/scenarios/{id}/invitations", new { organisationId = supplier.OrganisationId }, Ct), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Client.PostAsJsonAsync($"/api/v1/scenarios/{id}/invitations", new { organisationId = supplier.OrganisationId }, Ct)).StatusCode);
        Assert.Contains("You are invited", await supplier.Client.GetStringAsync("/api/v1/account/notifications", Ct), StringComparison.Ordinal);
        var approachId = invited.GetProperty("id").GetGuid();

        Assert.Empty((await ScenarioDriver.ReadAsync(await stranger.Client.GetAsync($"/api/v1/scenarios/{id}/approaches", Ct), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/decline", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/accept", null, Ct)).StatusCode);

        var declined = await ScenarioDriver.ReadAsync(await supplier.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/decline", null, Ct), HttpStatusCode.OK);
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Contains("已谢绝", await owner.Client.GetStringAsync("/api/v1/account/notifications", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/maybe", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_interest_may_be_sent_again_but_never_twice_at_once()
    {
        var owner = await _drive.OwnerAsync();
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var id = await ScenarioDriver.PublishedAsync(owner, await _drive.OfficeAsync());
        var approachId = (await ScenarioDriver.ReadAsync(await supplier.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal("withdrawn", (await ScenarioDriver.ReadAsync(await supplier.Client.PostAsync($"/api/v1/scenarios/approaches/{approachId}/withdraw", null, Ct), HttpStatusCode.OK)).GetProperty("status").GetString());

        var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => supplier.Client.PostAsync($"/api/v1/scenarios/{id}/interest", null, Ct)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], racing.Select(r => r.StatusCode).Order());
        var listed = await ScenarioDriver.ReadAsync(await owner.Client.GetAsync($"/api/v1/scenarios/{id}/approaches", Ct), HttpStatusCode.OK);
        Assert.Equal(approachId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
    }
}

// The whole app, not Scenarios alone: matchmaking over Catalog's real search and profiles.
public sealed class ApproachApiOnSqlite(ScenariosWholeSqliteApp app) : ApproachApiTests(app), IClassFixture<ScenariosWholeSqliteApp>;

public sealed class ApproachApiOnPostgres(ScenariosWholePostgresApp app) : ApproachApiTests(app), IClassFixture<ScenariosWholePostgresApp>;
