using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Taxonomy;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Pages;

/// <summary>
/// Programs a clerk can follow (issue 14): a page per program, the calculator's facts carried into the application,
/// a task list with a check-your-answers step, a receipt number and a status page with every step and its holder.
/// </summary>
public abstract partial class ApplyPageTests(ITestApp app)
{
    private const string Champion = IncentivesTestData.Champion;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly KeyValuePair<string, string>[] ChampionAnswers = [new("q.code", "national_single_champion"), new("q.from", "2025-11-20")];

    [Fact]
    public async Task A_programs_formula_reads_in_the_readers_words_not_in_codes()
    {
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/incentives", Cancel));

        Assert.Contains("min(算力券最高面额, 算力券补贴比例 × 项目合规投资额（元）)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("voucher_rate", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_applies_through_check_your_answers_and_follows_its_receipt_number_through_every_step()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 30_000_000m);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var page = $"/incentives/apply/{Champion}";

        var check = await PageForms.PostAsync(enterprise.Client, page, page + "?handler=Check", ChampionAnswers);
        var answers = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("id=\"answers\"", answers, StringComparison.Ordinal);
        Assert.Contains($"{QualificationKinds.Name("national_single_champion").Zh} (2025-11-20)", answers, StringComparison.Ordinal); // a label, not the code
        Assert.Contains("name=\"q.code\" value=\"national_single_champion\"", answers, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(enterprise)); // nothing is written before the applicant submits

        var submitted = await PageForms.PostAsync(enterprise.Client, page, page + "?handler=Submit", ChampionAnswers);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var location = submitted.Headers.Location!.OriginalString;
        var receipt = Receipt().Match(location).Value;
        Assert.Matches(@"^/incentives/applications/GD-\d{4}-\d{6}\?submitted=true$", location);

        var status = await enterprise.Client.GetStringAsync(location, Cancel);
        Assert.Contains($"id=\"receipt-number\">{receipt}<", status, StringComparison.Ordinal);
        Assert.Contains("data-step=\"Submitted\"", status, StringComparison.Ordinal);
        var id = (await ListAsync(enterprise)).Single();

        // The office finds it incomplete (no documents attached): the applicant holds it now, and the page says so.
        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/completeness", new { complete = false, note = "缺少审计报告" }, Cancel)).EnsureSuccessStatusCode();
        var after = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync($"/incentives/applications/{receipt}", Cancel));
        Assert.Contains("data-step=\"FoundIncomplete\"", after, StringComparison.Ordinal);
        Assert.Contains("缺少审计报告", after, StringComparison.Ordinal);
        var holder = Regex.Match(after, "id=\"application-holder\">([^<]+)<").Groups[1].Value;
        Assert.Contains(Chinese("incentives.receipt.holder.applicant").Split('{')[0].Trim(), holder, StringComparison.Ordinal);

        // The office sees it too; another enterprise is told there is no such application.
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync($"/incentives/applications/{receipt}", Cancel)).StatusCode);
        var stranger = await app.CreateUserAsync(Roles.Enterprise);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/incentives/applications/{receipt}", Cancel)).StatusCode);

        // The next application of the year takes the next number.
        var second = await PageForms.PostAsync(stranger.Client, page, page + "?handler=Submit", ChampionAnswers);
        var next = Receipt().Match(second.Headers.Location!.OriginalString).Value;
        Assert.Equal(int.Parse(receipt[^6..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(next[^6..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_calculator_keeps_what_was_typed_and_its_apply_link_carries_the_facts_into_the_application()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var result = await PageForms.PostAsync(enterprise.Client, "/incentives", "/incentives?handler=Facts",
            [.. ChampionAnswers, new("f.untrustworthy", "false")]);
        var html = WebUtility.HtmlDecode(await result.Content.ReadAsStringAsync(Cancel));

        Assert.Contains("<option value=\"national_single_champion\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q.from\" value=\"2025-11-20\"", html, StringComparison.Ordinal);
        var link = Regex.Match(html, $"href=\"(/incentives/apply/{Champion}\\?[^\"]+)\"").Groups[1].Value;
        Assert.Contains("q.code=national_single_champion", link, StringComparison.Ordinal);
        Assert.DoesNotContain("untrustworthy", link, StringComparison.Ordinal); // office staff keep that list
        // Each step of the explanation is named in the reader's words, not by its rule's code.
        Assert.Contains("] 失信记录:", html, StringComparison.Ordinal);
        Assert.Contains("] 有效期:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("] validity-window:", html, StringComparison.Ordinal);

        var form = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync(link, Cancel));
        Assert.Contains("<option value=\"national_single_champion\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-11-20\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_page_explains_the_program_and_warns_the_office_on_it_and_on_the_workbench_while_it_cannot_award()
    {
        const string FirstOfKind = "first-of-kind-support";
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var anonymous = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/incentives/programs/{Champion}", Cancel));
        Assert.Contains("id=\"program-conditions\"", anonymous, StringComparison.Ordinal);
        Assert.Contains("国家级单项冠军认定文件", anonymous, StringComparison.Ordinal); // a required document, by name
        Assert.Contains("3,000,000", anonymous, StringComparison.Ordinal);
        Assert.Contains("/policy/documents/gd-ai-robotics-measures", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cannot-award\"", anonymous, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/incentives/programs/no-such-program", Cancel)).StatusCode);

        var warned = WebUtility.HtmlDecode(await office.Client.GetStringAsync($"/incentives/programs/{FirstOfKind}", Cancel));
        Assert.Contains("id=\"cannot-award\"", warned, StringComparison.Ordinal);
        Assert.Contains(Chinese("incentives.parameter.support_rate"), warned, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cannot-award\"", await enterprise.Client.GetStringAsync($"/incentives/programs/{FirstOfKind}", Cancel), StringComparison.Ordinal);
        Assert.Contains($"/incentives/programs/{FirstOfKind}", await office.Client.GetStringAsync("/workbench", Cancel), StringComparison.Ordinal);

        foreach (var (name, value) in new[] { ("support_rate", 0.3m), ("max_award", 5_000_000m), ("annual_budget", 50_000_000m) })
        {
            await IncentivesTestData.SetParameterAsync(office, FirstOfKind, name, value);
        }

        Assert.DoesNotContain("id=\"cannot-award\"", await office.Client.GetStringAsync($"/incentives/programs/{FirstOfKind}", Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain($"/incentives/programs/{FirstOfKind}\"", await office.Client.GetStringAsync("/workbench", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Office_staff_follow_a_waiting_application_from_the_workbench_to_the_page_where_they_decide_it()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var page = $"/incentives/apply/{Champion}";
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(enterprise.Client, page, page + "?handler=Submit", ChampionAnswers)).StatusCode);
        var id = (await ListAsync(enterprise)).Single();

        // The link used to lead to the experts' review page, which answers office staff "access denied".
        var workbench = WebUtility.HtmlDecode(await office.Client.GetStringAsync("/workbench", Cancel));
        var link = Regex.Match(workbench, "<a href=\"(/incentives/[^\"]+)\">" + Regex.Escape(Chinese("workbench.incentives.check")) + "<").Groups[1].Value;
        var target = await office.Client.GetAsync(link, Cancel);
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        Assert.Contains($"data-application=\"{id}\"", await target.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>A text as a Chinese page shows it (pages without a language choice are Chinese).</summary>
    private string Chinese(string key) =>
        app.Services.GetRequiredService<UiText>().Get(key, System.Globalization.CultureInfo.GetCultureInfo(UiCultures.Chinese));

    private static async Task<List<Guid>> ListAsync(ActingUser user) =>
        (await user.Client.GetFromJsonAsync<List<IdOnly>>("/api/v1/incentives/applications", Cancel))!.Select(a => a.Id).ToList();

    private sealed record IdOnly(Guid Id);

    [GeneratedRegex(@"GD-\d{4}-\d{6}")]
    private static partial Regex Receipt();
}

public sealed class ApplyPageOnSqlite(IncentivesSqliteApp app) : ApplyPageTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ApplyPageOnPostgres(IncentivesPostgresApp app) : ApplyPageTests(app), IClassFixture<IncentivesPostgresApp>;
