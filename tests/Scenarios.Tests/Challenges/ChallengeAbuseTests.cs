using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Challenges;

/// <summary>Issue 15's challenge findings: partner squatting, the entry race and conflict declarations that told who entered.</summary>
public abstract class ChallengeAbuseTests(ITestApp app)
{
    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bug_15_naming_an_organisation_as_partner_asks_its_consent_and_never_locks_it_out_of_its_own_entry()
    {
        var (office, id) = await OpenChallengeAsync();
        var squatter = await app.CreateUserAsync(Roles.Enterprise);
        var victim = await app.CreateUserAsync(Roles.Enterprise);
        var willing = await app.CreateUserAsync(Roles.Enterprise);
        using (var form = new MultipartFormDataContent
        {
            { new StringContent("Everyone's radar"), "title" }, { new StringContent("Named partners who never agreed."), "solution" },
            { new StringContent($"{victim.OrganisationId},{willing.OrganisationId}"), "partners" },
        })
        {
            var mine = await ScenarioDriver.ReadAsync(await squatter.Client.PostAsync($"/api/v1/challenges/{id}/entries", form, Ct), HttpStatusCode.Created);
            var entry = Assert.Single(mine.EnumerateArray());
            Assert.Equal([squatter.OrganisationId], entry.GetProperty("team").EnumerateArray().Select(t => t.GetGuid()));
            Assert.All(entry.GetProperty("invitations").EnumerateArray(), i => Assert.Equal("pending", i.GetProperty("status").GetString()));
        }

        var requests = await ScenarioDriver.ReadAsync(await victim.Client.GetAsync("/api/v1/challenges/partner-requests", Ct), HttpStatusCode.OK);
        Assert.Equal("Everyone's radar", Assert.Single(requests.EnumerateArray()).GetProperty("entryTitle").GetString());
        Assert.Empty(await victim.Client.GetFromJsonAsync<JsonElement[]>($"/api/v1/challenges/{id}/my-entries", Ct) ?? []);

        await ScenarioDriver.ReadAsync(await ScenarioDriver.SubmitAsync(victim, id, "Our own radar"), HttpStatusCode.Created);
        var late = await ScenarioDriver.ProblemAsync(await ScenarioDriver.AnswerPartnerRequestAsync(victim, id, "accept"), HttpStatusCode.Conflict);
        Assert.Contains("已在本次揭榜挂帅的某个联合体中", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await ScenarioDriver.AnswerPartnerRequestAsync(victim, id, "decline")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ScenarioDriver.AnswerPartnerRequestAsync(willing, id, "accept")).StatusCode);
        var entries = await ScenarioDriver.ReadAsync(await office.Client.GetAsync($"/api/v1/challenges/{id}/entries", Ct), HttpStatusCode.OK);
        var teams = entries.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("title").GetString()!, e => e.GetProperty("team").EnumerateArray().Select(t => t.GetGuid()).ToHashSet());
        Assert.Equal([squatter.OrganisationId, willing.OrganisationId], teams["Everyone's radar"]);
        Assert.Equal([victim.OrganisationId], teams["Our own radar"]);
        Assert.Equal(HttpStatusCode.Conflict, (await ScenarioDriver.SubmitAsync(willing, id, "A second team")).StatusCode);
    }

    [Fact]
    public async Task Bug_15_a_partner_request_is_answered_only_by_the_organisation_it_names()
    {
        var (_, id) = await OpenChallengeAsync();
        var lead = await app.CreateUserAsync(Roles.Enterprise);
        var named = await app.CreateUserAsync(Roles.Enterprise);
        var stranger = await app.CreateUserAsync(Roles.Enterprise);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Radar"), "title" }, { new StringContent("Radar."), "solution" }, { new StringContent(named.OrganisationId.ToString()), "partners" },
        };
        await ScenarioDriver.ReadAsync(await lead.Client.PostAsync($"/api/v1/challenges/{id}/entries", form, Ct), HttpStatusCode.Created);
        var request = (await named.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/challenges/partner-requests", Ct))!.Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"/api/v1/challenges/{id}/partner-requests/{request}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Client.PostAsync($"/api/v1/challenges/{id}/partner-requests/{request}/accept", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await named.Client.PostAsync($"/api/v1/challenges/{id}/partner-requests/{request}/maybe", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Bug_15_ten_parallel_submissions_of_one_organisation_make_one_entry()
    {
        var (office, id) = await OpenChallengeAsync();
        var racer = await app.CreateUserAsync(Roles.Enterprise);
        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(n => ScenarioDriver.SubmitAsync(racer, id, $"Attempt {n}")));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.Conflict));
        var entries = await ScenarioDriver.ReadAsync(await office.Client.GetAsync($"/api/v1/challenges/{id}/entries", Ct), HttpStatusCode.OK);
        Assert.Single(entries.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Bug_15_a_conflict_declaration_reveals_nothing_about_whether_the_organisation_entered()
    {
        var (office, id) = await OpenChallengeAsync();
        var entrant = await app.CreateUserAsync(Roles.Enterprise);
        var bystander = await app.CreateUserAsync(Roles.Enterprise);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.SubmitAsync(entrant, id, "Radar"), HttpStatusCode.Created);
        var first = await _drive.ExpertOnRosterAsync();
        var second = await _drive.ExpertOnRosterAsync();
        await ScenarioDriver.ReadAsync(await office.Client.PutAsJsonAsync($"/api/v1/challenges/{id}/panel", new { expertUserIds = new[] { first.UserId, second.UserId } }, Ct), HttpStatusCode.OK);

        var answers = new List<string>();
        foreach (var (expert, organisation) in new[] { (first, entrant.OrganisationId), (second, bystander.OrganisationId) })
        {
            var declared = await expert.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/conflicts", new { organisationId = organisation, reason = "I advise them." }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, declared.StatusCode);
            var review = await expert.Client.GetAsync($"/api/v1/challenges/{id}/review", Ct);
            answers.Add($"{(int)review.StatusCode} {(await ScenarioDriver.ReadAsync(review, review.StatusCode)).GetProperty("detail").GetString()}");
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.StartsWith("403", answers[0], StringComparison.Ordinal);
    }

    private async Task<(ActingUser Office, Guid Id)> OpenChallengeAsync()
    {
        var office = await _drive.OfficeAsync();
        var owner = await _drive.OwnerAsync();
        var scenario = await ScenarioDriver.PublishedAsync(owner, office);
        var challenge = await _drive.CreateChallengeAsync(office, scenario);
        return (office, challenge.GetProperty("id").GetGuid());
    }
}

public sealed class ChallengeAbuseOnSqlite(ScenariosSqliteApp app) : ChallengeAbuseTests(app), IClassFixture<ScenariosSqliteApp>;

public sealed class ChallengeAbuseOnPostgres(ScenariosPostgresApp app) : ChallengeAbuseTests(app), IClassFixture<ScenariosPostgresApp>;
