using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Audit;

/// <summary>
/// The office's audit page in the reader's language (issue 11): what was done and to what by their labels, details
/// written as a keyed message worded for the reader, an entry recorded before that shown as written (after a note on
/// Chinese pages), and the chain, which hashes what is stored, still verifying.
/// </summary>
public abstract class AuditPageTests(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_entry_reads_in_each_language_and_an_old_one_as_written_and_the_chain_verifies()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var target = await app.CreateUserAsync(Roles.Enterprise);
        const string oldDetails = "someone@example.com: [Enterprise] -> [Enterprise,Expert]";
        var oldId = $"old-{Guid.NewGuid():N}";
        var unlabelledId = $"code-{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As the log held them before details were keyed: free text; and an action no module labels.
            var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await audit.AppendAsync(new AuditEvent("platform.user.roles-changed", "user", oldId, oldDetails), cancellationToken: Ct);
            await audit.AppendAsync(new AuditEvent("test.thing.done", "thing", unlabelledId, ""), cancellationToken: Ct);
        }

        var changed = await office.Client.PutAsJsonAsync($"/api/v1/platform/users/{target.UserId}/roles", new { roles = new[] { Roles.Enterprise, Roles.ScenarioOwner } }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        long newSequence, oldSequence, unlabelledSequence;
        string storedDetails;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "platform.user.roles-changed" && e.EntityId == target.UserId, Ct);
            (newSequence, storedDetails) = (entry.Sequence, entry.Details);
            oldSequence = await db.AuditEntries.Where(e => e.EntityId == oldId).Select(e => e.Sequence).SingleAsync(Ct);
            unlabelledSequence = await db.AuditEntries.Where(e => e.EntityId == unlabelledId).Select(e => e.Sequence).SingleAsync(Ct);
            Assert.Equal(oldDetails, await db.AuditEntries.Where(e => e.Sequence == oldSequence).Select(e => e.Details).SingleAsync(Ct));
        }

        // Stored as key and arguments, never as a sentence of either language.
        Assert.StartsWith("{\"key\":\"platform.audit.roles-changed\"", storedDetails, StringComparison.Ordinal);

        var officeName = (await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/me", Ct)).GetProperty("displayName").GetString()!;
        var browser = await app.SignInAsync(office, Ct);
        var chinese = (await AuditPage.ReadAsync(browser, "zh-CN", Ct)).ToDictionary(r => r.Sequence);
        var english = (await AuditPage.ReadAsync(browser, "en", Ct)).ToDictionary(r => r.Sequence);

        Assert.Equal(
            new AuditPage.Row(newSequence, chinese[newSequence].When, officeName, "变更用户角色 platform.user.roles-changed", $"用户 {target.UserId}", $"{target.Email} 的角色：企业 → 企业、场景需求方"),
            chinese[newSequence]);
        Assert.Equal(
            new AuditPage.Row(newSequence, english[newSequence].When, officeName, "User roles changed platform.user.roles-changed", $"User {target.UserId}", $"Roles of {target.Email}: Enterprise → Enterprise, Scenario owner"),
            english[newSequence]);

        Assert.Equal($"（本条详情记录于审计详情双语化之前，按英文原文显示）{oldDetails}", chinese[oldSequence].Details);
        Assert.Equal(oldDetails, english[oldSequence].Details);
        Assert.Equal("变更用户角色 platform.user.roles-changed", chinese[oldSequence].Action);

        // A code no strings.json labels is shown as itself, not as a missing-key marker.
        Assert.Equal(new AuditPage.Row(unlabelledSequence, chinese[unlabelledSequence].When, "系统", "test.thing.done test.thing.done", $"thing {unlabelledId}", ""), chinese[unlabelledSequence]);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var verification = await scope.ServiceProvider.GetRequiredService<IAuditLog>().VerifyAsync(cancellationToken: Ct);
            Assert.True(verification.IsValid, verification.Problem?.ToString());
        }
    }
}

public sealed class AuditPageOnSqlite(PlatformSqliteApp app) : AuditPageTests(app), IClassFixture<PlatformSqliteApp>;

public sealed class AuditPageOnPostgres(PlatformPostgresApp app) : AuditPageTests(app), IClassFixture<PlatformPostgresApp>;
