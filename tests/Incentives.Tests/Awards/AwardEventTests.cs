using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Awards;

/// <summary>
/// A voucher award's event commits with the award (the outbox) and reaches Compute after the commit; what a process
/// that died in between never delivered, the worker of the next start-up delivers. On the whole app on purpose: the
/// award must become Compute's real voucher, read through Compute's API (Incentives alone hands it to a fake:
/// <c>IncentivesAloneTests</c>).
/// </summary>
public abstract class AwardEventTests(FunengApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_voucher_award_whose_process_died_before_delivery_is_credited_by_the_worker_at_the_next_start()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var now = DateTimeOffset.UtcNow;
        var award = new Award
        {
            Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), ProgramId = "compute-vouchers", OrganisationId = enterprise.OrganisationId, RecipientName = "算力企业",
            Year = now.Year, Kind = AwardKind.Voucher, Status = AwardStatus.Committed, AmountFen = 12_345_600, DecidedOn = DateOnly.FromDateTime(now.UtcDateTime), DecidedAt = now,
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What an approval commits, award and event together; the process dies before it delivers.
            var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
            db.Awards.Add(award);
            AwardEvents.Changed(db, award, now);
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(0, (await VouchersAsync(enterprise)).GetArrayLength());

        var worker = ActivatorUtilities.CreateInstance<AwardEventsWorker>(app.Services);
        await worker.StartAsync(Ct);
        await worker.ExecuteTask!;

        var voucher = Assert.Single((await VouchersAsync(enterprise)).EnumerateArray());
        Assert.Equal((award.Id, 123_456m), (voucher.GetProperty("id").GetGuid(), voucher.GetProperty("granted").GetDecimal()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
            var messages = await db.Outbox.AsNoTracking().ToListAsync(Ct);
            var message = Assert.Single(messages, m => m.PayloadJson.Contains(award.Id.ToString(), StringComparison.Ordinal));
            Assert.NotNull(message.DeliveredAt);
            Assert.DoesNotContain(messages, m => m.DeliveredAt is null);
        }

        // Delivering again (a second process's worker) changes nothing.
        await ActivatorUtilities.CreateInstance<DeliverAwardEvents>(app.Services).DeliverPendingAsync(Ct);
        Assert.Single((await VouchersAsync(enterprise)).EnumerateArray());
    }

    [Fact]
    public async Task A_grant_award_writes_no_event()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var before = await db.Outbox.CountAsync(Ct);
        var award = new Award { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), ProgramId = IncentivesTestData.Champion, Kind = AwardKind.Grant, Status = AwardStatus.Committed };

        AwardEvents.Changed(db, award, DateTimeOffset.UtcNow);

        Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());
        Assert.Equal(before, await db.Outbox.CountAsync(Ct));
    }

    private static async Task<JsonElement> VouchersAsync(ActingUser enterprise) =>
        await enterprise.Client.GetFromJsonAsync<JsonElement>("/api/v1/compute/vouchers/mine", Ct);
}

public sealed class AwardEventsOnSqlite(SqliteApp app) : AwardEventTests(app), IClassFixture<SqliteApp>;

public sealed class AwardEventsOnPostgres(PostgresApp app) : AwardEventTests(app), IClassFixture<PostgresApp>;
