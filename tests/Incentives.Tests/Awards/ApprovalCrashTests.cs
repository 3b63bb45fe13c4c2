using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Awards;

/// <summary>
/// A process killed in the middle of an approval leaves either the whole award or none of it: the real funeng CLI
/// approves against the test database, pauses (test-only switch) after writing its ledger entries and before the
/// award, and is killed there.
/// </summary>
public abstract class ApprovalCrashTests(ITestApp app)
{
    [Fact]
    public async Task A_process_killed_between_its_ledger_writes_and_the_award_leaves_no_half_award_and_the_approval_can_be_done_again()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, IncentivesTestData.Champion, "annual_budget", 90_000_000m);
        var id = (await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 1)).Single();
        var ledgerBefore = await CountLedgerAsync();

        var start = FunengCli.StartInfo(app, "incentives", "approve", id.ToString(), "--as", office.Email, "--reasons", "holds the title");
        start.Environment[ApprovalPause.Variable] = ApprovalPause.BeforeAward;
        using (var process = Process.Start(start)!)
        {
            var output = await WaitForMarkerAsync(process);
            Assert.True(output.Contains(ApprovalPause.Marker, StringComparison.Ordinal), $"the CLI ended before pausing:{Environment.NewLine}{output}");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
            Assert.False(await db.Awards.AnyAsync(a => a.ApplicationId == id, TestContext.Current.CancellationToken));
            Assert.Equal(ledgerBefore, await db.Ledger.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(ApplicationStatus.UnderReview, (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).Status);
            await LedgerAssertions.AssertBalancedAsync(db, IncentivesTestData.Champion, DateTime.UtcNow.Year);
        }

        var again = await Decide(office, id);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Decide(office, id)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
            Assert.Equal(1, await db.Awards.CountAsync(a => a.ApplicationId == id, TestContext.Current.CancellationToken));
            await LedgerAssertions.AssertBalancedAsync(db, IncentivesTestData.Champion, DateTime.UtcNow.Year);
        }
    }

    [Fact]
    public async Task The_cli_approves_as_the_named_office_account_and_refuses_anyone_else()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await IncentivesTestData.SetParameterAsync(office, IncentivesTestData.Champion, "annual_budget", 90_000_000m);
        var id = (await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 1)).Single();

        var (refusedExit, refused) = await FunengCli.RunAsync(app, "incentives", "approve", id.ToString(), "--as", enterprise.Email, "--reasons", "self-approval", "--culture", "en");
        Assert.Equal(1, refusedExit);
        Assert.Contains("does not have the role OfficeStaff", refused, StringComparison.Ordinal);

        var (emptyExit, empty) = await FunengCli.RunAsync(app, "incentives", "approve", id.ToString(), "--as", office.Email, "--reasons", " ", "--culture", "en");
        Assert.Equal(1, emptyExit);
        Assert.Contains("Refused (reasons): A decision gives its reasons.", empty, StringComparison.Ordinal);

        var (exit, output) = await FunengCli.RunAsync(app, "incentives", "approve", id.ToString(), "--as", office.Email, "--reasons", "holds the title", "--culture", "en");
        Assert.True(exit == 0, output);
        Assert.Contains("Approved: award", output, StringComparison.Ordinal);
        Assert.Contains("3000000.00 yuan", output, StringComparison.Ordinal);

        var (secondExit, second) = await FunengCli.RunAsync(app, "incentives", "approve", id.ToString(), "--as", office.Email, "--reasons", "twice", "--culture", "en");
        Assert.Equal(1, secondExit);
        Assert.Contains("decided already", second, StringComparison.Ordinal);
    }

    /// <summary>Reads the CLI's output until the pause marker or its end; two minutes at most (the CLI builds a whole host first).</summary>
    private static async Task<string> WaitForMarkerAsync(Process process)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        var output = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            output.AppendLine(line);
            if (line.Contains(ApprovalPause.Marker, StringComparison.Ordinal))
            {
                return output.ToString();
            }
        }

        return output + await errors;
    }

    private static Task<HttpResponseMessage> Decide(ActingUser office, Guid id) =>
        office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "holds the title" }, TestContext.Current.CancellationToken);

    private async Task<int> CountLedgerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IncentivesDb>().Ledger.CountAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class ApprovalCrashOnSqlite(IncentivesSqliteApp app) : ApprovalCrashTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ApprovalCrashOnPostgres(IncentivesPostgresApp app) : ApprovalCrashTests(app), IClassFixture<IncentivesPostgresApp>;
