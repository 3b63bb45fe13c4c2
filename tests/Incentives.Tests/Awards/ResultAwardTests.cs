using System.Net;
using System.Net.Http.Json;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Awards;

/// <summary>
/// Issue 13's one ledger: an award made from a benchmark designation or a challenge result goes through the same
/// program lock, quota, caps, budget and double-entry ledger as an approved application, and the benchmark-case
/// quota is one tally across both paths.
/// </summary>
public abstract class ResultAwardTests(ITestApp app)
{
    private const string Benchmark = "benchmark-case-reward";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_eleventh_benchmark_case_is_refused_whichever_path_even_when_a_designation_races_an_approval()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, Benchmark, "annual_budget", 200_000_000m, new DateOnly(2025, 3, 9));
        for (var i = 0; i < 9; i++)
        {
            await DesignateAsync();
        }

        var applications = await ReadyBenchmarkApplicationsAsync(2);
        var race = await Task.WhenAll(
            Attempt(DesignateAsync),
            Attempt(async () => (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{applications[0]}/decision", new { approve = true, reasons = "benchmark case" }, Ct)).EnsureSuccessStatusCode()));

        Assert.Equal(1, race.Count(won => won));
        var refusedDesignation = await Assert.ThrowsAsync<DomainRuleException>(DesignateAsync);
        Assert.Equal("year", refusedDesignation.Field);
        var refusedApproval = await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{applications[1]}/decision", new { approve = true, reasons = "benchmark case" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refusedApproval.StatusCode);
        Assert.Contains("名额", await refusedApproval.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var year = DateTime.UtcNow.Year;
        Assert.Equal(10, await db.Awards.CountAsync(a => a.ProgramId == Benchmark && a.Year == year, Ct));
        await LedgerAssertions.AssertBalancedAsync(db, Benchmark, year);
    }

    [Fact]
    public async Task A_result_award_is_budget_checked_and_committed_double_entry_once_per_basis()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, "compute-vouchers", "annual_budget", 1_000_000m);
        await using var scope = app.Services.CreateAsyncScope();
        var awards = scope.ServiceProvider.GetRequiredService<IResultAwards>();
        var challenge = Guid.NewGuid();
        ResultAwardRequest Request(decimal amount, Guid basis) => new("compute-vouchers", AwardBasis.ChallengeResult, basis, Guid.NewGuid(), "挑战赛获胜企业", "shenzhen", amount, ProblemMessage.Fixed("challenge won"));

        var voucher = await awards.AwardAsync(Request(200_000m, challenge), Ct);
        var again = await Assert.ThrowsAsync<DomainRuleException>(() => awards.AwardAsync(Request(200_000m, challenge), Ct));
        var tooMuch = await Assert.ThrowsAsync<DomainRuleException>(() => awards.AwardAsync(Request(900_000m, Guid.NewGuid()), Ct));

        Assert.True(voucher.Voucher);
        Assert.Equal("basisId", again.Field);
        Assert.Contains("budget", tooMuch.Message, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var made = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == voucher.AwardId, Ct);
        Assert.Equal((nameof(AwardBasis.ChallengeResult), challenge, 20_000_000L), (made.Basis, made.ApplicationId, made.AmountFen));
        Assert.Equal(2, await db.Ledger.CountAsync(l => l.AwardId == voucher.AwardId, Ct));
        await LedgerAssertions.AssertBalancedAsync(db, "compute-vouchers", voucher.Year);
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<IIncentiveQueries>().ListVoucherAwardsAsync(made.OrganisationId, Ct), v => v.AwardId == voucher.AwardId);
    }

    private async Task DesignateAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var awards = scope.ServiceProvider.GetRequiredService<IResultAwards>();
        Assert.Equal(Benchmark, awards.QuotaProgram("benchmark_cases"));
        await awards.AwardAsync(new ResultAwardRequest(Benchmark, AwardBasis.BenchmarkDesignation, Guid.NewGuid(), Guid.NewGuid(), "标杆案例企业", "foshan", null, ProblemMessage.Fixed("benchmark case")), Ct);
    }

    private static async Task<bool> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (e is DomainRuleException or HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Benchmark-case applications found complete and scored, each from its own enterprise, written straight to the database.</summary>
    private async Task<List<Guid>> ReadyBenchmarkApplicationsAsync(int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var facts = ProgramCatalog.WriteFacts(Profiles.EnterpriseProfiles.WithListing(new FactValues(
            new Dictionary<string, string> { ["city"] = "foshan", ["project_type"] = "ai_new_industrialisation_case", ["sector"] = "manufacturing", ["in_key_cluster"] = "true" }, []), untrustworthy: false));
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var application = new Application
            {
                Id = Guid.NewGuid(), ProgramId = Benchmark, OrganisationId = Guid.NewGuid(), ApplicantName = $"标杆申报企业{i}", CitySlug = "foshan",
                Status = ApplicationStatus.UnderReview, FactsJson = facts, SubmittedOn = Funeng.Kernel.Localization.ChinaTime.DateOf(DateTimeOffset.UtcNow), SubmittedAt = DateTimeOffset.UtcNow,
            };
            db.Applications.Add(application);
            db.Scores.Add(new ExpertScore { Id = Guid.NewGuid(), ApplicationId = application.Id, ExpertUserId = "expert", Score = 80, CriteriaJson = "{\"innovation\":25,\"results\":30,\"replicability\":25}", ScoredAt = DateTimeOffset.UtcNow });
            ids.Add(application.Id);
        }

        await db.SaveChangesAsync(Ct);
        return ids;
    }
}

public sealed class ResultAwardsOnSqlite(IncentivesSqliteApp app) : ResultAwardTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ResultAwardsOnPostgres(IncentivesPostgresApp app) : ResultAwardTests(app), IClassFixture<IncentivesPostgresApp>;
