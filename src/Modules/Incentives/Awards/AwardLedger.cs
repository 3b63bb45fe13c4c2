using Funeng.Incentives.Data;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>One leg of a ledger transaction as a person reads it: a positive amount debits the account, a negative credits it.</summary>
internal sealed record LedgerLeg(Guid TransactionId, string Account, decimal Debit, decimal Credit, DateTimeOffset PostedAt, ProblemMessage Memo);

/// <summary>An award with every ledger leg posted for it (commitment, payment, clawback), in the order they were posted.</summary>
internal sealed record AwardLedgerView(AwardView Award, IReadOnlyList<LedgerLeg> Legs)
{
    public decimal Debits => Legs.Sum(l => l.Debit);

    public decimal Credits => Legs.Sum(l => l.Credit);
}

/// <summary>Reads an award's ledger for office staff.</summary>
internal sealed class AwardLedger(IncentivesDb db)
{
    public async Task<AwardLedgerView?> ReadAsync(Guid awardId, CancellationToken cancellationToken)
    {
        var award = await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.Id == awardId, cancellationToken);
        if (award is null)
        {
            return null;
        }

        // Ordered by the entry's key, the order of posting (SQLite cannot order by a DateTimeOffset).
        var entries = await db.Ledger.AsNoTracking().Where(l => l.AwardId == awardId).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return new AwardLedgerView(AwardView.Of(award), entries.Select(e => new LedgerLeg(e.TransactionId, e.Account,
            e.AmountFen > 0 ? e.AmountFen / 100m : 0m, e.AmountFen < 0 ? -e.AmountFen / 100m : 0m, e.PostedAt, LedgerMemo.Read(e.Memo))).ToList());
    }
}
