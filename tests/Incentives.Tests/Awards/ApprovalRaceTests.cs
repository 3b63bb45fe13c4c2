using System.Net;
using System.Net.Http.Json;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Platform.Contracts;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Awards;

/// <summary>No approval may take a program past its budget, however many race: enforced inside the database transaction.</summary>
public abstract class ApprovalRaceTests(ITestApp app)
{
    [Fact]
    public async Task A_hundred_approvals_racing_against_a_budget_for_ten_end_with_exactly_ten_awards_and_a_balanced_ledger()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, IncentivesTestData.Champion, "annual_budget", 30_000_000m);
        var applications = await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 100);

        var responses = await Task.WhenAll(applications.Select(id => office.Client.PostAsJsonAsync(
            $"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "holds the title; within the cap" }, TestContext.Current.CancellationToken)));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(90, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var awards = await db.Awards.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(10, awards.Count);
        Assert.All(awards, a => Assert.Equal(3_000_000m, a.Amount));
        Assert.Equal(10, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Approved, TestContext.Current.CancellationToken));
        await LedgerAssertions.AssertBalancedAsync(db, IncentivesTestData.Champion, DateTime.UtcNow.Year);
    }

    [Fact]
    public async Task An_approval_that_fails_after_its_first_writes_leaves_no_half_award()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, IncentivesTestData.Champion, "annual_budget", 90_000_000m);
        var id = (await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 1)).Single();
        var ledgerBefore = await CountLedgerAsync();
        // The audit entry is the last write of the approval: failing there leaves award and ledger legs written but uncommitted.
        // The use case is built with a failing audit log in place of the host's, the rest of its services the host's own.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var decide = ActivatorUtilities.CreateInstance<DecideApplication>(scope.ServiceProvider, new FailingAuditLog());
            await Assert.ThrowsAsync<InvalidOperationException>(() => decide.ApproveAsync(id, null, "injected failure", TestContext.Current.CancellationToken));
        }

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<IncentivesDb>();
        Assert.False(await db.Awards.AnyAsync(a => a.ApplicationId == id, TestContext.Current.CancellationToken));
        Assert.Equal(ledgerBefore, await CountLedgerAsync());
        Assert.Equal(ApplicationStatus.UnderReview, (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).Status);
        await LedgerAssertions.AssertBalancedAsync(db, IncentivesTestData.Champion, DateTime.UtcNow.Year);
    }

    private async Task<int> CountLedgerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IncentivesDb>().Ledger.CountAsync(TestContext.Current.CancellationToken);
    }

    private sealed class FailingAuditLog : IAuditLog
    {
        public Task AppendAsync(AuditEvent auditEvent, DbContext? within = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("injected: the process dies before the audit entry is written");

        public Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not used");
    }
}

public sealed class ApprovalRaceOnSqlite(IncentivesSqliteApp app) : ApprovalRaceTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ApprovalRaceOnPostgres(IncentivesPostgresApp app) : ApprovalRaceTests(app), IClassFixture<IncentivesPostgresApp>;
