using System.Text.Json;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Awards;

/// <summary>
/// Writes a change of a voucher award into the outbox, inside the caller's transaction (before its SaveChanges), so
/// the change and the news of it commit together; <see cref="DeliverAwardEvents"/> hands it to Compute after commit.
/// </summary>
internal static class AwardEvents
{
    public const string VoucherAwardTopic = "voucher-award";

    public static VoucherAward VoucherOf(Award award) =>
        new(award.Id, award.ProgramId, award.OrganisationId, award.Amount, award.Year, award.DecidedOn, award.Status != AwardStatus.ClawedBack);

    public static void Changed(IncentivesDb db, Award award, DateTimeOffset at)
    {
        if (award.Kind != AwardKind.Voucher)
        {
            return;
        }

        db.Outbox.Add(new OutboxMessage { Topic = VoucherAwardTopic, PayloadJson = JsonSerializer.Serialize(VoucherOf(award), JsonSerializerOptions.Web), OccurredAt = at });
    }
}
