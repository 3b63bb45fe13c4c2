using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Pages;

/// <summary>
/// Issue 14 item 2 and issue 13 item 1 on pages: every office action on applications and awards ends with a notice in
/// the reader's language, an award's ledger legs are on a page and balance, and a program's page shows the money of
/// the budget report.
/// </summary>
public abstract partial class AwardsPageTests(ITestApp app)
{
    private const string Page = "/incentives/awards";
    private const string Champion = IncentivesTestData.Champion;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approving_rejecting_paying_and_clawing_back_each_end_with_a_notice_in_the_readers_language()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 100_000_000m);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, Champion, 4);
        var names = await ApplicantsAsync(ids);

        Assert.Equal($"已批准 {names[0]}，授予 3,000,000 元",
            await NoticeAfterAsync(office, $"{Page}?handler=Decide&id={ids[0]}", [new("approve", "true"), new("reasons", "持有称号")], "zh-CN"));
        Assert.Equal($"Approved {names[1]}: 3,000,000 yuan awarded",
            await NoticeAfterAsync(office, $"{Page}?handler=Decide&id={ids[1]}", [new("approve", "true"), new("reasons", "holds the title")], "en"));
        Assert.Equal($"已驳回 {names[2]}，理由已告知申报单位",
            await NoticeAfterAsync(office, $"{Page}?handler=Decide&id={ids[2]}", [new("approve", "false"), new("reasons", "证书过期")], "zh-CN"));
        Assert.Equal($"Rejected {names[3]}; the applicant is told the reasons",
            await NoticeAfterAsync(office, $"{Page}?handler=Decide&id={ids[3]}", [new("approve", "false"), new("reasons", "certificate expired")], "en"));

        var awards = await AwardIdsAsync(ids[0], ids[1]);
        Assert.Equal($"已向{names[0]}拨付 3,000,000 元", await NoticeAfterAsync(office, $"{Page}?handler=Pay&id={awards[0]}", [], "zh-CN"));
        Assert.Equal($"Paid 3,000,000 yuan to {names[1]}", await NoticeAfterAsync(office, $"{Page}?handler=Pay&id={awards[1]}", [], "en"));
        Assert.Equal($"已追回{names[0]}的 3,000,000 元，退回本年度可用预算",
            await NoticeAfterAsync(office, $"{Page}?handler=ClawBack&id={awards[0]}", [new("reason", "称号被撤销")], "zh-CN"));
        Assert.Equal($"Clawed back 3,000,000 yuan from {names[1]}; it returns to this year's available budget",
            await NoticeAfterAsync(office, $"{Page}?handler=ClawBack&id={awards[1]}", [new("reason", "title withdrawn")], "en"));

        // The notice is told once: the next visit to the page shows none.
        Assert.Null(Notice(await office.Client.GetStringAsync(Page, Ct)));
    }

    [Fact]
    public async Task A_refused_action_shows_the_refusal_on_the_page_and_no_notice()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 100_000_000m);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, Champion, 1);
        await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=Decide&id={ids[0]}", [new("approve", "true"), new("reasons", "ok")]);
        await office.Client.GetStringAsync(Page, Ct); // the approval's notice is read
        var award = (await AwardIdsAsync(ids[0]))[0];

        var noReason = await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=ClawBack&id={award}&culture=en", [new("reason", " ")]);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync(Ct);
        Assert.Contains("A clawback gives its reason.", html, StringComparison.Ordinal);
        Assert.Null(Notice(html));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(AwardStatus.Committed, (await scope.ServiceProvider.GetRequiredService<IncentivesDb>().Awards.AsNoTracking().SingleAsync(a => a.Id == award, Ct)).Status);
    }

    [Fact]
    public async Task A_decision_without_reasons_is_refused_on_the_page_naming_the_field_as_on_the_api()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 100_000_000m);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, Champion, 2);

        var approve = await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=Decide&id={ids[0]}&culture=zh-CN", [new("approve", "true"), new("reasons", " ")]);
        var reject = await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=Decide&id={ids[1]}&culture=zh-CN", [new("approve", "false")]);

        foreach (var refused in new[] { approve, reject })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
            Assert.Contains("<li data-field=\"reasons\">作出决定须说明理由。</li>", html, StringComparison.Ordinal);
            Assert.Null(Notice(html));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var statuses = await scope.ServiceProvider.GetRequiredService<IncentivesDb>().Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Status).ToListAsync(Ct);
        Assert.All(statuses, status => Assert.Equal(ApplicationStatus.UnderReview, status));
    }

    [Fact]
    public async Task Marking_complete_and_assigning_reviewers_end_with_a_notice_naming_the_receipt_and_the_reviewer()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var university = await app.CreateUserAsync(Roles.Expert, kind: OrganisationKind.University);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 100_000_000m);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", IncentivesTestData.ChampionFacts(), Ct)).EnsureSuccessStatusCode();
        var submitted = await (await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = Champion }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = submitted.GetProperty("id").GetGuid();
        foreach (var document in new[] { "champion_certificate", "audited_accounts" })
        {
            using var form = new MultipartFormDataContent { { new StringContent(document), "documentKey" }, { new ByteArrayContent("%PDF-1.4 scan"u8.ToArray()), "file", document + ".pdf" } };
            (await enterprise.Client.PostAsync($"/api/v1/incentives/applications/{id}/attachments", form, Ct)).EnsureSuccessStatusCode();
        }

        var receipt = (await ApplicantsAsync([id], receipts: true))[0];
        Assert.Matches(@"^GD-\d{4}-\d{6}$", receipt);

        Assert.Equal($"{receipt} found complete and moved to review",
            await NoticeAfterAsync(office, $"{Page}?handler=Complete&id={id}", [], "en"));

        var benchmark = (await IncentivesTestData.ReadyApplicationsAsync(app, "benchmark-case-reward", 1))[0];
        var applicant = (await ApplicantsAsync([benchmark]))[0];
        var assigned = await NoticeAfterAsync(office, $"{Page}?handler=Assign&id={benchmark}", [new("organisationId", university.OrganisationId.ToString())], "zh-CN");
        Assert.Matches($"^已将 {applicant} 指派给测试机构\\d+评审$", assigned);
    }

    [Fact]
    public async Task Setting_a_parameter_ends_with_a_notice_of_the_program_the_figure_and_its_date()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        const string parameters = "/incentives/parameters";

        var set = await PageForms.PostAsync(office.Client, parameters, parameters,
            [new("programId", Champion), new("name", "annual_budget"), new("value", "30,000,000"), new("effectiveFrom", "2098-01-01")]);

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("Set Yearly budget of Reward for national single-champion enterprises to 30,000,000 from 2098-01-01",
            Notice(await office.Client.GetStringAsync(parameters + "?culture=en", Ct)));
        await PageForms.PostAsync(office.Client, parameters, parameters,
            [new("programId", Champion), new("name", "annual_budget"), new("value", "40000000"), new("effectiveFrom", "2099-01-01")]);
        Assert.Equal("已设定“国家级单项冠军企业奖励”的年度预算：自 2099-01-01 起为 40,000,000",
            Notice(await office.Client.GetStringAsync(parameters + "?culture=zh-CN", Ct)));
    }

    [Fact]
    public async Task The_ledger_page_lists_an_awards_legs_and_they_balance()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 100_000_000m);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, Champion, 1);
        await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=Decide&id={ids[0]}", [new("approve", "true"), new("reasons", "ok")]);
        var award = (await AwardIdsAsync(ids[0]))[0];
        Assert.Contains($"href=\"/incentives/awards/{award}\"", await office.Client.GetStringAsync(Page, Ct), StringComparison.Ordinal);
        await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=Pay&id={award}", []);

        var html = await office.Client.GetStringAsync($"/incentives/awards/{award}?culture=en", Ct);

        var legs = Legs().Matches(html).Select(m => (Account: m.Groups["account"].Value, Debit: Yuan(m.Groups["debit"].Value), Credit: Yuan(m.Groups["credit"].Value))).ToList();
        Assert.Equal([("available", 0m, 3_000_000m), ("committed", 3_000_000m, 0m), ("committed", 0m, 3_000_000m), ("paid", 3_000_000m, 0m)], legs);
        Assert.Equal(legs.Sum(l => l.Debit), legs.Sum(l => l.Credit));
        var totals = Totals().Match(html);
        Assert.Equal((6_000_000m, 6_000_000m), (Yuan(totals.Groups["debits"].Value), Yuan(totals.Groups["credits"].Value)));
        Assert.Contains("Posted (China Standard Time)", html, StringComparison.Ordinal);
        // The memos are stored keyed and worded for the reader (they were English sentences on Chinese pages).
        Assert.Contains("<td>Paid: paid as committed</td>", html, StringComparison.Ordinal);
        var chinese = WebUtility.HtmlDecode(await office.Client.GetStringAsync($"/incentives/awards/{award}?culture=zh-CN", Ct));
        Assert.Contains("<td>已拨付：按计划拨付</td>", chinese, StringComparison.Ordinal);
        Assert.Matches("<td>奖励给 [^<]+</td>", chinese);
        Assert.DoesNotContain("award to", chinese, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Client.GetAsync($"/incentives/awards/{award}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Client.GetAsync($"/incentives/awards/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_program_page_shows_the_budget_reports_figures_for_the_program_this_year()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 100_000_000m);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, Champion, 3);
        foreach (var id in ids)
        {
            await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=Decide&id={id}", [new("approve", "true"), new("reasons", "ok")]);
        }

        var awards = await AwardIdsAsync([.. ids]);
        await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=Pay&id={awards[0]}", []);
        await PageForms.PostAsync(office.Client, Page, $"{Page}?handler=ClawBack&id={awards[1]}", [new("reason", "title withdrawn")]);

        var html = await office.Client.GetStringAsync($"/incentives/programs/{Champion}", Ct);
        var year = ChinaTime.ToChina(DateTimeOffset.UtcNow).Year;
        var report = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/incentives/reports/budget?year={year}", Ct);
        var row = report.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetString() == Champion);
        foreach (var (figure, field) in new[] { ("budget", "budget"), ("committed", "committed"), ("paid", "paid"), ("clawed-back", "clawedBack"), ("available", "available") })
        {
            var shown = Regex.Match(html, $"data-figure=\"{figure}\">([^<]+)<");
            Assert.True(shown.Success, $"the program page shows no {figure}");
            Assert.Equal(row.GetProperty(field).GetDecimal(), Yuan(shown.Groups[1].Value));
        }

        // Other tests of this fixture award under the same program, so the figures are at least this test's own.
        Assert.True(row.GetProperty("clawedBack").GetDecimal() >= 3_000_000m && row.GetProperty("paid").GetDecimal() >= 3_000_000m);
        Assert.DoesNotContain("program-money", await app.Anonymous().GetStringAsync($"/incentives/programs/{Champion}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objecting_to_an_award_and_resolving_the_objection_on_the_register_end_with_a_notice()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var objector = await app.CreateUserAsync(Roles.Enterprise);
        await IncentivesTestData.SetParameterAsync(office, "challenge-and-lead-prize", "annual_budget", 100_000_000m);
        ResultAward award;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            award = await scope.ServiceProvider.GetRequiredService<IResultAwards>().AwardAsync(
                new ResultAwardRequest("challenge-and-lead-prize", AwardBasis.ChallengeResult, Guid.NewGuid(), Guid.NewGuid(), "揭榜企业", "shenzhen", 123_456m, ProblemMessage.Fixed("challenge won")), Ct);
        }

        var register = $"/incentives/register?award={award.AwardId}";
        var objected = await PageForms.PostAsync(objector.Client, register, $"/incentives/register?handler=Object&awardId={award.AwardId}", [new("text", "The winning entry copied ours.")]);
        Assert.Equal(HttpStatusCode.Redirect, objected.StatusCode);
        Assert.Equal("Your objection to the award to 揭榜企业 is recorded; the office will resolve it", Notice(await objector.Client.GetStringAsync(register + "&culture=en", Ct)));

        var entry = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/incentives/register/{award.AwardId}", Ct);
        var objection = entry.GetProperty("objections")[0].GetProperty("id").GetGuid();
        var resolved = await PageForms.PostAsync(office.Client, register, $"/incentives/register?handler=Resolve&awardId={award.AwardId}&objectionId={objection}",
            [new("upheld", "false"), new("resolution", "与原作不同")]);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Equal("已驳回对揭榜企业奖补的异议，奖补继续公示", Notice(await office.Client.GetStringAsync(register + "&culture=zh-CN", Ct)));
    }

    [Fact]
    public async Task An_awards_audit_entries_name_the_recipient_and_the_program_in_the_readers_language()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await IncentivesTestData.SetParameterAsync(office, Champion, "annual_budget", 100_000_000m);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, Champion, 2);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        // The first applicant is an organisation the directory knows; the second one it does not (its recorded name stands in).
        await db.Applications.Where(a => a.Id == ids[0]).ExecuteUpdateAsync(u => u.SetProperty(a => a.OrganisationId, enterprise.OrganisationId), Ct);
        foreach (var id in ids)
        {
            await NoticeAfterAsync(office, $"{Page}?handler=Decide&id={id}", [new("approve", "true"), new("reasons", "持有称号")], "zh-CN");
        }

        var awards = await AwardIdsAsync(ids[0], ids[1]);
        var award = awards[0];
        await NoticeAfterAsync(office, $"{Page}?handler=Pay&id={award}", [], "zh-CN");
        var organisation = (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindAsync(enterprise.OrganisationId, Ct))!;
        var name = LocalizedText.Of(organisation.NameZh, organisation.NameEn);
        var recipient = enterprise.OrganisationId;
        var program = scope.ServiceProvider.GetRequiredService<Programs.ProgramCatalog>().Get(Champion).Name;

        // The approval and the payment, as the audit page words them for each reader: names, never the stored id and code.
        var chinese = (await AuditPage.ReadAsync(office.Client, "zh-CN", Ct)).Where(r => r.Record.EndsWith(award.ToString(), StringComparison.Ordinal)).ToList();
        var english = (await AuditPage.ReadAsync(office.Client, "en", Ct)).Where(r => r.Record.EndsWith(award.ToString(), StringComparison.Ordinal)).ToList();
        Assert.StartsWith($"批准向机构 {name.Zh} 奖励（{program.Zh}，", Assert.Single(chinese, r => r.Action.EndsWith("incentives.award.approved", StringComparison.Ordinal)).Details, StringComparison.Ordinal);
        Assert.StartsWith($"项目 {program.Zh} 奖励 ¥", Assert.Single(chinese, r => r.Action.EndsWith("incentives.award.paid", StringComparison.Ordinal)).Details, StringComparison.Ordinal);
        Assert.StartsWith($"Award to organisation {name.En} under {program.En} (", Assert.Single(english, r => r.Action.EndsWith("incentives.award.approved", StringComparison.Ordinal)).Details, StringComparison.Ordinal);
        Assert.StartsWith($"Award under {program.En} of ¥", Assert.Single(english, r => r.Action.EndsWith("incentives.award.paid", StringComparison.Ordinal)).Details, StringComparison.Ordinal);
        Assert.All(chinese.Concat(english), r => Assert.DoesNotContain(recipient.ToString(), r.Details, StringComparison.Ordinal));
        Assert.All(chinese.Concat(english), r => Assert.DoesNotContain(Champion, r.Details, StringComparison.Ordinal));
        var unknown = (await ApplicantsAsync([ids[1]]))[0];
        var unknownApproved = (await AuditPage.ReadAsync(office.Client, "en", Ct)).Single(r => r.Record.EndsWith(awards[1].ToString(), StringComparison.Ordinal));
        Assert.StartsWith($"Award to organisation {unknown} under {program.En} (", unknownApproved.Details, StringComparison.Ordinal);
    }

    private static async Task<string?> NoticeAfterAsync(ActingUser office, string action, KeyValuePair<string, string>[] fields, string culture)
    {
        var response = await PageForms.PostAsync(office.Client, Page, action, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return Notice(await office.Client.GetStringAsync($"{Page}?culture={culture}", Ct));
    }

    private static string? Notice(string html) =>
        NoticeText().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    private static decimal Yuan(string shown) => shown.Length == 0 ? 0m : decimal.Parse(shown.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private async Task<List<string>> ApplicantsAsync(IEnumerable<Guid> ids, bool receipts = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var list = ids.ToList();
        var found = await db.Applications.AsNoTracking().Where(a => list.Contains(a.Id)).ToListAsync(Ct);
        return list.Select(id => found.Single(a => a.Id == id)).Select(a => receipts ? a.ReceiptNumber! : a.ApplicantName).ToList();
    }

    private async Task<List<Guid>> AwardIdsAsync(params Guid[] applications)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var found = await db.Awards.AsNoTracking().Where(a => applications.Contains(a.ApplicationId)).ToListAsync(Ct);
        return applications.Select(id => found.Single(a => a.ApplicationId == id).Id).ToList();
    }

    [GeneratedRegex("data-debits=\"[^\"]*\">(?<debits>[^<]*)</td><td class=\"num\" data-credits=\"[^\"]*\">(?<credits>[^<]*)</td>")]
    private static partial Regex Totals();

    [GeneratedRegex("role=\"status\" data-testid=\"notice\">([^<]*)</div>")]
    private static partial Regex NoticeText();

    [GeneratedRegex("data-account=\"(?<account>[a-z]+)\">.*?data-debit=\"[^\"]*\">(?<debit>[^<]*)</td><td class=\"num\" data-credit=\"[^\"]*\">(?<credit>[^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex Legs();
}

public sealed class AwardsPageOnSqlite(IncentivesSqliteApp app) : AwardsPageTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class AwardsPageOnPostgres(IncentivesPostgresApp app) : AwardsPageTests(app), IClassFixture<IncentivesPostgresApp>;
