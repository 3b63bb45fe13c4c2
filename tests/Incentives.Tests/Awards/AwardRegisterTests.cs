using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Catalog.Contracts;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Organisations;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Funeng.TestSupport;
using Funeng.TestSupport.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Awards;

/// <summary>
/// Issue 13 item 2: every award goes through a public notice period with objections, and the public register
/// (JSON and a 360Giving-shaped CSV) shows it with its stage, recipient credit code and program. Incentives is booted
/// alone: the recipient's profile (Catalog's) and the funder (Policy's document) come from fakes the test sets.
/// </summary>
public abstract class AwardRegisterTests(ITestApp app)
{
    private const string Program = "challenge-and-lead-prize";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_award_in_notice_is_listed_with_its_end_in_China_time_and_not_as_final()
    {
        var award = await AwardAsync(await app.CreateUserAsync(Roles.Enterprise));

        var entry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/incentives/register/{award.AwardId}", Ct);

        Assert.Equal("in_notice", entry.GetProperty("stage").GetString());
        var endsAt = entry.GetProperty("noticeEndsAt").GetDateTimeOffset();
        Assert.InRange(endsAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        Assert.Equal(ChinaTime.Format(endsAt), entry.GetProperty("noticeEnds").GetString());
        var listed = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/incentives/register?program={Program}&city=shenzhen&year={award.Year}", Ct);
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("id").GetGuid() == award.AwardId);
        Assert.DoesNotContain(listed.EnumerateArray(), e => e.GetProperty("id").GetGuid() == award.AwardId && e.GetProperty("stage").GetString() == "final");
        var page = await app.Anonymous().GetStringAsync($"/incentives/register?award={award.AwardId}", Ct);
        Assert.Contains("data-stage=\"in_notice\"", page, StringComparison.Ordinal);
        Assert.Contains(ChinaTime.Format(endsAt), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_objection_holds_the_award_a_dismissal_releases_it_and_an_upheld_one_claws_it_back()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var objector = await app.CreateUserAsync(Roles.Enterprise);
        var award = await AwardAsync(await app.CreateUserAsync(Roles.Enterprise));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync($"/api/v1/incentives/awards/{award.AwardId}/objections", new { text = "x" }, Ct)).StatusCode);

        var held = await ObjectAsync(objector, award.AwardId, "The winning entry copied ours.");
        Assert.Equal("held", held.GetProperty("stage").GetString());
        var objection = held.GetProperty("objections")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await objector.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{award.AwardId}/objections/{objection}/resolve", new { upheld = true, resolution = "mine" }, Ct)).StatusCode);
        var released = await ResolveAsync(office, award.AwardId, objection, upheld: false);
        Assert.Equal("in_notice", released.GetProperty("stage").GetString());

        var second = await ObjectAsync(objector, award.AwardId, "The recipient is on the untrustworthy list.");
        var withdrawn = await ResolveAsync(office, award.AwardId, second.GetProperty("objections")[1].GetProperty("id").GetGuid(), upheld: true);
        Assert.Equal("withdrawn", withdrawn.GetProperty("stage").GetString());
        Assert.Equal(award.Amount, withdrawn.GetProperty("amountClawedBack").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await objector.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{award.AwardId}/objections", new { text = "again" }, Ct)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        Assert.Equal(AwardStatus.ClawedBack, (await db.Awards.AsNoTracking().SingleAsync(a => a.Id == award.AwardId, Ct)).Status);
        await LedgerAssertions.AssertBalancedAsync(db, Program, award.Year);
    }

    [Fact]
    public async Task The_register_csv_has_the_360Giving_headers_and_the_awards_row_with_the_recipients_credit_code()
    {
        var recipient = await app.CreateUserAsync(Roles.Enterprise);
        var code = NewCreditCode();
        // The recipient's Catalog profile and the program's policy document, as those modules would answer.
        app.Services.GetRequiredService<FakeCatalogQueries>().Add(
            new OrganisationProfile(recipient.OrganisationId, "深圳揭榜科技有限公司", "Shenzhen Challenge Tech", code, "shenzhen", null, null, [], []));
        var document = app.Services.GetRequiredService<ProgramCatalog>().Programs.Single(p => p.Id == Program).DocumentId;
        app.Services.GetRequiredService<FakePolicyQueries>().AnswerDocuments(new PolicyDocumentDetail(
            new PolicyDocumentSummary(document, "guangdong", new LocalizedText("测试文件", "A test document"), new LocalizedText("广州市人工智能产业发展办公室", "Guangzhou AI Office"),
                new DateOnly(2025, 1, 1), null, null, "city:guangzhou", "test.md", 0, 0), null, [], []));
        var award = await AwardAsync(recipient);

        var csv = await app.Anonymous().GetAsync($"/api/v1/incentives/register.csv?program={Program}", Ct);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(GivingCsv.Columns, lines[0].Split(','));
        Assert.StartsWith("Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith($"360G-funeng-{award.AwardId}", StringComparison.Ordinal)).Split(',');
        string Cell(string column) => row[Array.IndexOf(GivingCsv.Columns, column)];
        Assert.Equal(("CNY", "123456.00", $"CN-USCC-{code}"), (Cell("Currency"), Cell("Amount Awarded"), Cell("Recipient Org:Identifier")));
        Assert.Equal((Program, "深圳", "in_notice", "0.00"), (Cell("Grant Programme:Code"), Cell("Beneficiary Location:Name"), Cell("Notice Status"), Cell("Amount Clawed Back")));
        Assert.Equal("广州市人工智能产业发展办公室", Cell("Funding Org:Name"));
    }

    private async Task<ResultAward> AwardAsync(ActingUser recipient)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, Program, "annual_budget", 100_000_000m, new DateOnly(2026, 5, 11));
        await using var scope = app.Services.CreateAsyncScope();
        var awards = scope.ServiceProvider.GetRequiredService<IResultAwards>();
        Assert.Equal(Program, awards.ProgramFor(AwardBasis.ChallengeResult));
        return await awards.AwardAsync(new ResultAwardRequest(Program, AwardBasis.ChallengeResult, Guid.NewGuid(), recipient.OrganisationId, "揭榜企业", "shenzhen", 123_456m, ProblemMessage.Fixed("challenge won")), Ct);
    }

    private static async Task<JsonElement> ObjectAsync(ActingUser user, Guid award, string text)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{award}/objections", new { text }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> ResolveAsync(ActingUser office, Guid award, Guid objection, bool upheld)
    {
        var response = await office.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{award}/objections/{objection}/resolve", new { upheld, resolution = "Checked against the entries." }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>A valid, unique unified social credit code (Shenzhen enterprise), so profiles of parallel tests never clash.</summary>
    private static string NewCreditCode()
    {
        var organisation = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var first17 = "91440300" + organisation + CreditCode.OrganisationCodeCheck(organisation);
        return first17 + CreditCode.CheckCharacter(first17);
    }
}

public sealed class AwardRegisterOnSqlite(IncentivesSqliteApp app) : AwardRegisterTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class AwardRegisterOnPostgres(IncentivesPostgresApp app) : AwardRegisterTests(app), IClassFixture<IncentivesPostgresApp>;
