using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>Payment of a committed award, and clawback of an award (returned to the year's available budget).</summary>
internal sealed class SettleAward(IncentivesDb db, ProgramCatalog catalog, BudgetLedger ledger, IAuditLog audit, TimeProvider clock, DeliverAwardEvents events)
{
    public sealed record ClawbackRequest(string? Reason);

    public static async Task<Ok<AwardView>> PayAsync(Guid id, SettleAward settle, CancellationToken cancellationToken) =>
        TypedResults.Ok(AwardView.Of(await settle.MoveAsync(id, AwardStatus.Paid, null, cancellationToken)));

    public static async Task<Ok<AwardView>> ClawBackAsync(Guid id, ClawbackRequest request, SettleAward settle, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            // The same message the awards page gives (incentives' one text for it), in the reader's language.
            throw InvalidInputException.For("reason", "incentives.refusal.clawback-needs-reason");
        }

        return TypedResults.Ok(AwardView.Of(await settle.MoveAsync(id, AwardStatus.ClawedBack, ProblemMessage.Of("incentives.ledger.reason.typed", request.Reason.Trim()), cancellationToken)));
    }

    private static ProblemMessage Label(AwardStatus status) => ProblemMessage.Of("incentives.award." + status.ToString().ToLowerInvariant());

    /// <summary>Moves the award and its money; <paramref name="reason"/> says why a clawback happens (none for a payment).</summary>
    public async Task<Award> MoveAsync(Guid awardId, AwardStatus to, ProblemMessage? reason, CancellationToken cancellationToken)
    {
        var programId = await db.Awards.Where(a => a.Id == awardId).Select(a => a.ProgramId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-award"), "id", 404);
        await using var transaction = await ProgramLock.BeginAsync(db, programId, cancellationToken);
        var award = await db.Awards.SingleAsync(a => a.Id == awardId, cancellationToken);
        var (from, toAccount) = (award.Status, to) switch
        {
            (AwardStatus.Committed, AwardStatus.Paid) => (BudgetLedger.Committed, BudgetLedger.Paid),
            (AwardStatus.Committed, AwardStatus.ClawedBack) => (BudgetLedger.Committed, BudgetLedger.Available),
            (AwardStatus.Paid, AwardStatus.ClawedBack) => (BudgetLedger.Paid, BudgetLedger.Available),
            _ => throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-cannot-move", Label(award.Status), Label(to)), "id"),
        };
        var why = reason ?? ProblemMessage.Of("incentives.ledger.reason.none");
        ledger.Post(award.ProgramId, award.Year, from, toAccount, award.AmountFen, award.Id, award.CitySlug, ProblemMessage.Of("incentives.ledger.memo.moved", Label(to), LedgerMemo.Short(why)));
        award.Status = to;
        AwardEvents.Changed(db, award, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent(to == AwardStatus.Paid ? "incentives.award.paid" : "incentives.award.clawed-back", "award", award.Id.ToString(),
            ProblemMessage.Of(to == AwardStatus.Paid ? "incentives.audit.award-paid" : "incentives.audit.award-clawed-back", catalog.NameOf(award.ProgramId), award.Amount, why)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await events.AfterCommitAsync(cancellationToken);
        return award;
    }
}
