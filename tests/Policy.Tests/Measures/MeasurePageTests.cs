using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Policy.Tests.Measures;

/// <summary>
/// Issue 13 item 5 through the real pipeline: a page per measure of the Guangdong pack, in both languages, whose
/// "implemented by" links all open for the public; the money under a program's measure; the coverage page.
/// </summary>
public abstract partial class MeasurePageTests(FunengApp app)
{
    private const string ChallengeProgram = "challenge-and-lead-prize";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_measure_of_the_pack_has_a_page_in_both_languages_and_every_implemented_by_link_opens()
    {
        var client = app.Anonymous();
        var links = new HashSet<string>(StringComparer.Ordinal);
        var measures = await MeasuresAsync();
        Assert.True(measures.Count >= 80, $"only {measures.Count} measures read from the pack");
        foreach (var (document, number) in measures)
        {
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var response = await client.GetAsync($"/policy/documents/{document}/measures/{number}?culture={culture}", Ct);
                var html = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{document}#{number} ({culture}): {(int)response.StatusCode}");
                Assert.DoesNotContain("⟦", html, StringComparison.Ordinal);
                links.UnionWith(ImplementationLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            }
        }

        Assert.Contains(links, l => l.StartsWith("/incentives/programs/", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/catalog", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/empowerment-index/progress", StringComparison.Ordinal));
        foreach (var link in links)
        {
            var address = link.Split('#')[0];
            var response = await client.GetAsync(address, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_measure_with_a_program_shows_the_money_committed_under_it_and_then_clawed_back()
    {
        const string page = "/policy/documents/gz-2026-ai-work-points/measures/challenge-and-lead";
        Assert.Equal(("RMB 0.00", "RMB 0.00"), (Money(await EnglishAsync(page), "committed"), Money(await EnglishAsync(page), "clawed-back")));
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var recipient = await app.CreateUserAsync(Roles.Enterprise);
        var objector = await app.CreateUserAsync(Roles.Enterprise);
        var budget = await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/{ChallengeProgram}/parameters/annual_budget",
            new { value = 100_000_000m, effectiveFrom = new DateOnly(2026, 5, 11) }, Ct);
        budget.EnsureSuccessStatusCode();
        ResultAward award;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var awards = scope.ServiceProvider.GetRequiredService<IResultAwards>();
            Assert.Equal(ChallengeProgram, awards.ProgramFor(AwardBasis.ChallengeResult));
            award = await awards.AwardAsync(new ResultAwardRequest(ChallengeProgram, AwardBasis.ChallengeResult, Guid.NewGuid(), recipient.OrganisationId, "揭榜企业", "guangzhou", 654_321m, ProblemMessage.Fixed("challenge won")), Ct);
        }

        var chinese = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync(page, Ct));
        var english = await EnglishAsync(page);

        Assert.Contains("654,321.00 元", chinese, StringComparison.Ordinal);
        Assert.Equal(("RMB 654,321.00", "RMB 0.00"), (Money(english, "committed"), Money(english, "clawed-back")));
        Assert.Contains($"href=\"/incentives/programs/{ChallengeProgram}\"", english, StringComparison.Ordinal);
        Assert.Contains("data-status=\"implemented\"", english, StringComparison.Ordinal);

        // An objection upheld during the notice period claws the award back through the ledger.
        var objected = await objector.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{award.AwardId}/objections", new { text = "The winning entry copied ours." }, Ct);
        Assert.Equal(HttpStatusCode.Created, objected.StatusCode);
        var objection = (await objected.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("objections")[0].GetProperty("id").GetGuid();
        var upheld = await office.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{award.AwardId}/objections/{objection}/resolve", new { upheld = true, resolution = "Copied." }, Ct);
        upheld.EnsureSuccessStatusCode();

        var after = await EnglishAsync(page);
        Assert.Equal(("RMB 0.00", "RMB 654,321.00"), (Money(after, "committed"), Money(after, "clawed-back")));
    }

    [Fact]
    public async Task A_measure_nothing_implements_says_so_in_both_languages()
    {
        var coverage = await app.Anonymous().GetStringAsync("/policy/coverage?status=NothingYet", Ct);
        var row = CoverageRow().Matches(coverage).FirstOrDefault(m => m.Groups[2].Value == "nothingyet");
        Assert.True(row is not null, "the Guangdong pack has measures nothing implements yet on a new database");
        var measure = row.Groups[1].Value.Split('#');
        var page = $"/policy/documents/{measure[0]}/measures/{measure[1]}";

        var chinese = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync(page, Ct));
        var english = await app.Anonymous().GetStringAsync(page + "?culture=en", Ct);

        Assert.Contains("尚无任何举措落实本条措施。", chinese, StringComparison.Ordinal);
        Assert.Contains("Nothing implements this measure yet.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("data-implementation", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_page_lists_every_measure_once_with_a_link_to_its_page()
    {
        var measures = await MeasuresAsync();

        var coverage = await app.Anonymous().GetStringAsync("/policy/coverage?culture=en", Ct);

        var rows = CoverageRow().Matches(coverage).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(measures.Select(m => $"{m.Document}#{m.Number}").Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.All(measures, m => Assert.Contains($"href=\"/policy/documents/{m.Document}/measures/{m.Number}\"", coverage, StringComparison.Ordinal));
        Assert.Contains("data-status=\"implemented\"", coverage, StringComparison.Ordinal);
        Assert.Contains("data-status=\"targetsonly\"", coverage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_headline_card_on_the_home_page_names_its_measure_with_a_link_to_the_measure_page_that_opens()
    {
        var home = await app.Anonymous().GetStringAsync("/?culture=zh-CN", Ct);

        var sources = CardSource().Matches(home).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.Matches("^/policy/documents/[^/#]+/measures/[^/#]+$", source);
            Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(source, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_measure_is_404()
    {
        var response = await app.Anonymous().GetAsync("/policy/documents/gd-2024-ai-empowerment/measures/999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_api_lists_every_measure_with_its_status_and_page_and_answers_one_with_what_implements_it()
    {
        var measures = await MeasuresAsync();

        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/policy/measures", Ct);
        var vouchers = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/policy/measures/gd-2024-ai-empowerment/9", Ct);
        var missing = await app.Anonymous().GetAsync("/api/v1/policy/measures/gd-2024-ai-empowerment/999?culture=en", Ct);

        Assert.Equal(measures.Count, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), m => Assert.Contains(m.GetProperty("status").GetString(), new[] { "implemented", "targets_only", "nothing_yet" }));
        Assert.Equal("/policy/documents/gd-2024-ai-empowerment/measures/9", vouchers.GetProperty("page").GetString());
        Assert.Contains(vouchers.GetProperty("implementations").EnumerateArray(), i =>
            i.GetProperty("kind").GetString() == "incentive_program" && i.GetProperty("link").GetString() == "/incentives/programs/compute-vouchers");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("number", problem.GetProperty("field").GetString());
    }

    private async Task<string> EnglishAsync(string page) => await app.Anonymous().GetStringAsync(page + "?culture=en", Ct);

    /// <summary>The amount in the program row's cell for <paramref name="account"/> (one program under the measure).</summary>
    private static string Money(string html, string account) =>
        Regex.Match(html, $"data-money=\"{account}\">([^<]*)<").Groups[1].Value;

    /// <summary>Every (document, measure number) of the loaded pack, read through the policy API.</summary>
    private async Task<List<(string Document, string Number)>> MeasuresAsync()
    {
        var client = app.Anonymous();
        var documents = await client.GetFromJsonAsync<JsonElement>("/api/v1/policy/documents", Ct);
        var measures = new List<(string, string)>();
        foreach (var id in documents.EnumerateArray().Select(d => d.GetProperty("id").GetString()!))
        {
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/policy/documents/{id}", Ct);
            measures.AddRange(detail.GetProperty("measures").EnumerateArray().Select(m => (id, m.GetProperty("number").GetString()!)));
        }

        return measures;
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" data-implementation")]
    private static partial Regex ImplementationLink();

    [GeneratedRegex("<tr data-measure=\"([^\"]+)\" data-status=\"([a-z]+)\"")]
    private static partial Regex CoverageRow();

    [GeneratedRegex("<p class=\"card-source\">[^<]*<a href=\"([^\"]+)\"")]
    private static partial Regex CardSource();
}

public sealed class MeasurePagesOnSqlite(SqliteApp app) : MeasurePageTests(app), IClassFixture<SqliteApp>;

public sealed class MeasurePagesOnPostgres(PostgresApp app) : MeasurePageTests(app), IClassFixture<PostgresApp>;
