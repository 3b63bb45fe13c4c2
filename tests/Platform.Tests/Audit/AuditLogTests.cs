using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Audit;

/// <summary>The audit log on a real database, and the <c>funeng audit verify</c> command over it.</summary>
public abstract class AuditLogTests(FunengApp app)
{
    [Fact]
    public async Task A_fresh_database_verifies_and_the_command_says_so()
    {
        var (exitCode, output) = await RunCliAsync("audit", "verify");
        Assert.True(exitCode == 0, output);
        Assert.Contains("intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_entry_is_named_by_the_command()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        for (var i = 0; i < 3; i++)
        {
            await audit.AppendAsync(new AuditEvent("test.award.approved", "award", $"a{i}", $"{{\"amount\":{1000 * (i + 1)}}}"), cancellationToken: TestContext.Current.CancellationToken);
        }

        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var victim = await db.AuditEntries.Where(e => e.EntityId == "a1").Select(e => e.Sequence).SingleAsync(TestContext.Current.CancellationToken);
        try
        {
            await db.AuditEntries.Where(e => e.Sequence == victim)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "{\"amount\":9999999}"), TestContext.Current.CancellationToken);

            var verification = await audit.VerifyAsync(cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(victim, verification.FirstBrokenSequence);

            var (exitCode, output) = await RunCliAsync("audit", "verify");
            Assert.Equal(1, exitCode);
            Assert.Contains($"broken at entry {victim}", output, StringComparison.Ordinal);
        }
        finally
        {
            await db.AuditEntries.Where(e => e.Sequence == victim)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "{\"amount\":2000}"), TestContext.Current.CancellationToken);
        }

        Assert.True((await audit.VerifyAsync(cancellationToken: TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_unbroken_chain()
    {
        var tasks = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .AppendAsync(new AuditEvent("test.concurrent", "thing", $"c{i}", ""), cancellationToken: TestContext.Current.CancellationToken);
        });
        await Task.WhenAll(tasks);

        await using var check = app.Services.CreateAsyncScope();
        var verification = await check.ServiceProvider.GetRequiredService<IAuditLog>().VerifyAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(verification.IsValid, verification.Problem);
        var db = check.ServiceProvider.GetRequiredService<PlatformDb>();
        Assert.Equal(20, await db.AuditEntries.CountAsync(e => e.Action == "test.concurrent", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_entry_appended_inside_a_rolled_back_transaction_is_not_kept()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await audit.AppendAsync(new AuditEvent("test.rolled-back", "thing", "r", ""), db, TestContext.Current.CancellationToken);
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "test.rolled-back", TestContext.Current.CancellationToken));
    }

    private Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments) => FunengCli.RunAsync(app, arguments);
}

public sealed class AuditLogOnSqlite(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogOnPostgres(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;
