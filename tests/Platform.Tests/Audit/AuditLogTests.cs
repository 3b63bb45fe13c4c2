using Funeng.Kernel.Database;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Audit;

/// <summary>
/// The audit log on a real database with Platform booted alone, and the <c>funeng audit verify</c> command over it.
/// </summary>
public abstract class AuditLogTests(ITestApp app)
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
            await TamperAsync(db, () => db.AuditEntries.Where(e => e.Sequence == victim)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "{\"amount\":9999999}"), TestContext.Current.CancellationToken));

            var verification = await audit.VerifyAsync(cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(victim, verification.FirstBrokenSequence);

            var (exitCode, output) = await RunCliAsync("audit", "verify");
            Assert.Equal(1, exitCode);
            Assert.Contains($"broken at entry {victim}", output, StringComparison.Ordinal);

            // The office's page tells the break in the reader's language.
            var office = await app.SignInAsync(await app.CreateUserAsync(Roles.OfficeStaff), TestContext.Current.CancellationToken);
            var page = System.Net.WebUtility.HtmlDecode(await office.GetStringAsync("/account/audit?culture=zh-CN", TestContext.Current.CancellationToken));
            Assert.Contains($"哈希链在第 {victim} 条记录处断裂：其内容与 MAC 不符（被改动过，或写入时未使用审计密钥）", page, StringComparison.Ordinal);
        }
        finally
        {
            await TamperAsync(db, () => db.AuditEntries.Where(e => e.Sequence == victim)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "{\"amount\":2000}"), TestContext.Current.CancellationToken));
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
        Assert.True(verification.IsValid, verification.Problem?.ToString());
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

    [Fact]
    public async Task Bug_15_deleting_the_last_entry_is_detected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(new AuditEvent("test.award.approved", "award", "last", "{\"amount\":500}"), cancellationToken: ct);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync(ct);
        try
        {
            await TamperAsync(db, () => db.AuditEntries.Where(e => e.Sequence == last.Sequence).ExecuteDeleteAsync(ct));

            var verification = await audit.VerifyAsync(cancellationToken: ct);
            Assert.False(verification.IsValid);
            Assert.Equal(last.Sequence, verification.FirstBrokenSequence);
            var (exitCode, output) = await RunCliAsync("audit", "verify");
            Assert.Equal(1, exitCode);
            Assert.Contains("removed from the end", output, StringComparison.Ordinal);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.AuditEntries.Add(last);
            await db.SaveChangesAsync(ct);
        }

        Assert.True((await audit.VerifyAsync(cancellationToken: ct)).IsValid);
    }

    [Fact]
    public async Task Bug_15_a_log_rewritten_with_plain_sha256_does_not_verify()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(new AuditEvent("test.rewrite", "award", "r", "{}"), cancellationToken: ct);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var original = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        try
        {
            // The forger's script: recompute every link with unkeyed SHA-256 (it cannot sign the head).
            await TamperAsync(db, async () =>
            {
                var previous = "0000000000000000000000000000000000000000000000000000000000000000";
                foreach (var entry in original)
                {
                    var canonical = System.Text.Json.JsonSerializer.Serialize(new object?[]
                    {
                        entry.Sequence, entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                        entry.Actor, entry.ActorUserId, entry.OrganisationId?.ToString(), entry.Action, entry.EntityType, entry.EntityId, entry.Details, previous,
                    });
                    var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
                    var link = previous;
                    await db.AuditEntries.Where(e => e.Sequence == entry.Sequence)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.PreviousHash, link).SetProperty(e => e.Hash, hash), ct);
                    previous = hash;
                }
            });

            var verification = await audit.VerifyAsync(cancellationToken: ct);
            Assert.Equal(1, verification.FirstBrokenSequence);
        }
        finally
        {
            await TamperAsync(db, async () =>
            {
                foreach (var entry in original)
                {
                    await db.AuditEntries.Where(e => e.Sequence == entry.Sequence)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.PreviousHash, entry.PreviousHash).SetProperty(e => e.Hash, entry.Hash), ct);
                }
            });
        }

        Assert.True((await audit.VerifyAsync(cancellationToken: ct)).IsValid);
    }

    /// <summary>
    /// Changes the audit table behind the application's back. On PostgreSQL the append-only trigger refuses that,
    /// so the test does what only a superuser can: switch triggers off for its own transaction.
    /// </summary>
    private async Task TamperAsync(PlatformDb db, Func<Task> change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        if (app.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica", TestContext.Current.CancellationToken);
        }

        await change();
        await transaction.CommitAsync(TestContext.Current.CancellationToken);
    }

    // The assertions read the English wording; the CLI speaks zh-CN unless asked (docs/decisions/0015).
    private Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments) => FunengCli.RunAsync(app, [.. arguments, "--culture", "en"]);
}

public sealed class AuditLogOnSqlite(PlatformSqliteApp app) : AuditLogTests(app), IClassFixture<PlatformSqliteApp>;

public sealed class AuditLogOnPostgres(PlatformPostgresApp app) : AuditLogTests(app), IClassFixture<PlatformPostgresApp>
{
    [Theory]
    [InlineData("UPDATE platform_audit_log SET \"Details\" = 'x'")]
    [InlineData("DELETE FROM platform_audit_log")]
    [InlineData("TRUNCATE platform_audit_log")]
    public async Task The_database_refuses_to_change_or_remove_audit_entries(string statement)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent("test.append-only", "thing", "t", ""), cancellationToken: ct);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync(statement, ct));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.True((await scope.ServiceProvider.GetRequiredService<IAuditLog>().VerifyAsync(cancellationToken: ct)).IsValid);
    }
}
