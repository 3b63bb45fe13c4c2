using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests;

/// <summary>Intent methods over the Scenarios API, so the tests read as the flow they check.</summary>
internal sealed class ScenarioDriver(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<ActingUser> OwnerAsync() => app.CreateUserAsync(Roles.ScenarioOwner, kind: OrganisationKind.ElderCareHome);

    public Task<ActingUser> OfficeAsync() => app.CreateUserAsync(Roles.OfficeStaff, kind: OrganisationKind.GovernmentOffice);

    public static object ScenarioBody(string title = "Night fall detection", string sector = "elder_care", string city = "guangzhou") => new
    {
        title,
        problem = "Falls at night are found late.",
        expectedOutcome = "Alerts within two minutes.",
        sector,
        city,
        district = "Yuexiu",
        dataAvailable = "De-identified care records",
        budgetMin = 100000.50m,
        budgetMax = 500000m,
        contactName = "Zhang",
        contactDetail = "owner@example.test",
    };

    public static async Task<Guid> DraftAsync(ActingUser owner, string sector = "elder_care", string city = "guangzhou")
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/scenarios", ScenarioBody(sector: sector, city: city), Ct);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> MoveAsync(ActingUser user, Guid id, string action, string? reason = null, Guid? listId = null) =>
        user.Client.PostAsJsonAsync($"/api/v1/scenarios/{id}/transitions", new { action, reason, listId }, Ct);

    public static async Task<JsonElement> MoveOkAsync(ActingUser user, Guid id, string action, Guid? listId = null) =>
        await ReadAsync(await MoveAsync(user, id, action, null, listId), HttpStatusCode.OK);

    public static async Task<Guid> PublishedAsync(ActingUser owner, ActingUser office, Guid? listId = null, string sector = "elder_care")
    {
        var id = await DraftAsync(owner, sector);
        await MoveOkAsync(owner, id, "submit");
        await MoveOkAsync(office, id, "publish", listId);
        return id;
    }

    public static async Task<Guid> DeliveredAsync(ActingUser owner, ActingUser office)
    {
        var id = await PublishedAsync(owner, office);
        foreach (var action in new[] { "match", "start_delivery", "deliver" })
        {
            await MoveOkAsync(owner, id, action);
        }

        return id;
    }

    public static async Task<Guid> CaseAsync(ActingUser owner, ActingUser office)
    {
        var scenario = await DeliveredAsync(owner, office);
        var response = await owner.Client.PostAsJsonAsync($"/api/v1/scenarios/{scenario}/case", new
        {
            title = "Falls halved",
            summary = "Fewer late-found falls.",
            outcomes = new[] { new { name = "Late-found falls", value = -52.5m, unit = "%" } },
        }, Ct);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ElderCareListAsync(ActingUser office)
    {
        var response = await office.Client.PostAsJsonAsync("/api/v1/scenario-lists", new
        {
            titleZh = "广州市2026年“人工智能+养老服务”场景清单",
            titleEn = "Guangzhou 2026 AI + Elderly Care",
            year = 2026,
            scope = "city:guangzhou",
            quotas = new[] { new { sector = "elder_care" } },
        }, Ct);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public Task<JsonElement> CreateChallengeAsync(ActingUser office, params Guid[] scenarios) => CreateChallengeAsync(office, 500000m, scenarios);

    public async Task<JsonElement> CreateChallengeAsync(ActingUser office, decimal awardAmount, params Guid[] scenarios)
    {
        var response = await office.Client.PostAsJsonAsync("/api/v1/challenges", new
        {
            title = "Fall detection challenge",
            requirements = "Detect falls at night without cameras.",
            eligibility = "Guangdong enterprises and their partners.",
            deadline = ((TimeProvider)app.Services.GetService(typeof(TimeProvider))!).GetUtcNow().AddDays(5),
            awardDescription = "Pilot contract and support",
            awardAmount,
            scenarioIds = scenarios,
            criteria = new[] { new { name = "Accuracy", weight = 60m }, new { name = "Cost", weight = 40m } },
        }, Ct);
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Closes entries; before the deadline the API asks for the reason this sends.</summary>
    /// <summary>A challenge with one scored entry and its ranking announced: the notice period has just begun.</summary>
    public async Task<Guid> AnnouncedAsync(ActingUser office, decimal prize = 500000m)
    {
        var ct = TestContext.Current.CancellationToken;
        var challenge = await CreateChallengeAsync(office, prize, await PublishedAsync(await OwnerAsync(), office));
        var id = challenge.GetProperty("id").GetGuid();
        var team = await app.CreateUserAsync(Roles.Enterprise);
        var entry = (await ReadAsync(await SubmitAsync(team, id, "Radar"), HttpStatusCode.Created))[0].GetProperty("id").GetGuid();
        var expert = await ExpertOnRosterAsync();
        await ReadAsync(await office.Client.PutAsJsonAsync($"/api/v1/challenges/{id}/panel", new { expertUserIds = new[] { expert.UserId } }, ct), HttpStatusCode.OK);
        await ReadAsync(await CloseAsync(office, id), HttpStatusCode.OK);
        await ScoreAsync(expert, challenge, entry, 90, 80);
        await ReadAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/announce", null, ct), HttpStatusCode.OK);
        return id;
    }

    public static Task<HttpResponseMessage> CloseAsync(ActingUser office, Guid challenge, string? reason = "All the expected suppliers have entered.") =>
        office.Client.PostAsJsonAsync($"/api/v1/challenges/{challenge}/close", new { reason }, Ct);

    public static async Task<HttpResponseMessage> SubmitAsync(ActingUser enterprise, Guid challenge, string title, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Radar sensors and an edge model."), "solution" },
        };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        return await enterprise.Client.PostAsync($"/api/v1/challenges/{challenge}/entries", form, Ct);
    }

    /// <summary>The partner answers the one pending request naming its organisation on the challenge.</summary>
    public static async Task<HttpResponseMessage> AnswerPartnerRequestAsync(ActingUser partner, Guid challenge, string decision)
    {
        var requests = await ReadAsync(await partner.Client.GetAsync("/api/v1/challenges/partner-requests", Ct), HttpStatusCode.OK);
        var request = requests.EnumerateArray().Single(r => r.GetProperty("challengeId").GetGuid() == challenge && r.GetProperty("status").GetString() == "pending");
        return await partner.Client.PostAsync($"/api/v1/challenges/{challenge}/partner-requests/{request.GetProperty("id").GetGuid()}/{decision}", null, Ct);
    }

    public async Task<ActingUser> ExpertOnRosterAsync(Guid? organisation = null)
    {
        var expert = await app.CreateUserAsync(Roles.Expert, organisation, OrganisationKind.University);
        var response = await expert.Client.PutAsJsonAsync("/api/v1/challenges/experts/me", new { fields = "elder care, sensing" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return expert;
    }

    public static async Task ScoreAsync(ActingUser expert, JsonElement challenge, Guid entry, decimal accuracy, decimal cost)
    {
        var criteria = challenge.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        var response = await expert.Client.PostAsJsonAsync($"/api/v1/challenges/{challenge.GetProperty("id").GetGuid()}/entries/{entry}/evaluations", new
        {
            scores = new[] { new { criterionId = criteria[0], score = accuracy }, new { criterionId = criteria[1], score = cost } },
            comment = "ok",
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await ReadAsync(response, expected);
    }
}
