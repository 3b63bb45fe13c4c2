using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.TestSupport;

namespace Funeng.Incentives.Tests.Pages;

/// <summary>Experts see the applications assigned to their organisation and score them against the program's criteria.</summary>
public abstract class ReviewPageTests(ITestApp app)
{
    private const string Benchmark = "benchmark-case-reward";

    [Fact]
    public async Task An_expert_sees_only_what_is_assigned_to_their_organisation_and_scores_it_criterion_by_criterion()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var expert = await app.CreateUserAsync(Roles.Expert, kind: OrganisationKind.University);
        var outsider = await app.CreateUserAsync(Roles.Expert, kind: OrganisationKind.ResearchInstitute);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, Benchmark, 2);
        var assign = await PageForms.PostAsync(office.Client, "/incentives/awards", $"/incentives/awards?handler=Assign&id={ids[0]}", [new("organisationId", expert.OrganisationId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);

        var list = await expert.Client.GetStringAsync("/incentives/review", TestContext.Current.CancellationToken);
        Assert.Contains(ids[0].ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain(ids[1].ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain(ids[0].ToString(), await outsider.Client.GetStringAsync("/incentives/review", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/incentives/review/{ids[0]}", TestContext.Current.CancellationToken)).StatusCode);

        var page = $"/incentives/review/{ids[0]}";
        var form = await expert.Client.GetStringAsync(page, TestContext.Current.CancellationToken);
        Assert.Contains("name=\"criteria.innovation\"", form, StringComparison.Ordinal);
        var bad = await PageForms.PostAsync(expert.Client, page, page, Points("31", "", "10"));
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-field=\"criteria.innovation\">请给出 0 至 30 之间的整数分。", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"criteria.results\">请给出 0 至 40 之间的整数分。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-field=\"criteria.replicability\"", html, StringComparison.Ordinal);
        Assert.Empty(await ScoresAsync(office, ids[0]));

        var good = await PageForms.PostAsync(expert.Client, page, page, Points("25", "35", "20"));

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal([80], await ScoresAsync(office, ids[0]));
        Assert.Contains(">80<", await expert.Client.GetStringAsync("/incentives/review", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_a_score_from_an_expert_whose_organisation_was_not_assigned()
    {
        var expert = await app.CreateUserAsync(Roles.Expert, kind: OrganisationKind.University);
        var id = (await IncentivesTestData.ReadyApplicationsAsync(app, Benchmark, 1)).Single();

        var response = await expert.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/scores",
            new { criteria = new { innovation = 20, results = 30, replicability = 20 } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static KeyValuePair<string, string>[] Points(string innovation, string results, string replicability) =>
        [new("criteria.innovation", innovation), new("criteria.results", results), new("criteria.replicability", replicability), new("comment", "clear results")];

    private static async Task<List<int>> ScoresAsync(ActingUser office, Guid id)
    {
        var view = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/incentives/applications/{id}", TestContext.Current.CancellationToken);
        return view.GetProperty("scores").EnumerateArray().Select(s => s.GetInt32()).ToList();
    }
}

public sealed class ReviewPageOnSqlite(IncentivesSqliteApp app) : ReviewPageTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ReviewPageOnPostgres(IncentivesPostgresApp app) : ReviewPageTests(app), IClassFixture<IncentivesPostgresApp>;
