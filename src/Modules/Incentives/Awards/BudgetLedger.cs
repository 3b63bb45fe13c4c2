using Funeng.Incentives.Data;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>
/// The double-entry budget ledger of a program and year. Every posting is a transaction of two legs that sum to
/// zero: appropriation → available when a budget is set, available → committed on an award, committed → paid
/// on payment, and back to available on a clawback. Callers hold <see cref="ProgramLock"/>.
/// </summary>
internal sealed class BudgetLedger(IncentivesDb db, TimeProvider clock)
{
    public const string Appropriation = "appropriation";
    public const string Available = "available";
    public const string Committed = "committed";
    public const string Paid = "paid";

    public static IReadOnlyList<string> Accounts { get; } = [Appropriation, Available, Committed, Paid];

    public async Task<long> BalanceFenAsync(string programId, int year, string account, CancellationToken cancellationToken) =>
        await db.Ledger.Where(l => l.ProgramId == programId && l.Year == year && l.Account == account).SumAsync(l => l.AmountFen, cancellationToken);

    /// <summary>
    /// Brings the year's allocated budget to <paramref name="budgetFen"/>: posts the increase, or returns to the
    /// appropriation what is still available of a decrease (money already committed stays committed).
    /// </summary>
    public async Task<long> AllocateAsync(string programId, int year, long budgetFen, CancellationToken cancellationToken)
    {
        var allocated = -await BalanceFenAsync(programId, year, Appropriation, cancellationToken);
        var available = await BalanceFenAsync(programId, year, Available, cancellationToken);
        var change = budgetFen - allocated;
        if (change < 0)
        {
            change = -Math.Min(-change, available);
        }

        if (change != 0)
        {
            Post(programId, year, Appropriation, Available, change, null, null, ProblemMessage.Of("incentives.ledger.memo.budget", year, budgetFen / 100m));
        }

        return available + change;
    }

    /// <summary>Moves <paramref name="fen"/> from one account to another as one balanced transaction.</summary>
    public void Post(string programId, int year, string from, string to, long fen, Guid? awardId, string? citySlug, ProblemMessage why)
    {
        // Stored keyed, worded when read (in each reader's language); LedgerMemo.Read reads it back.
        var memo = StoredMessage.Write(why);
        var transaction = Guid.NewGuid();
        var now = clock.GetUtcNow();
        db.Ledger.Add(new LedgerEntry { TransactionId = transaction, ProgramId = programId, Year = year, Account = from, AmountFen = -fen, AwardId = awardId, CitySlug = citySlug, Memo = memo, PostedAt = now });
        db.Ledger.Add(new LedgerEntry { TransactionId = transaction, ProgramId = programId, Year = year, Account = to, AmountFen = fen, AwardId = awardId, CitySlug = citySlug, Memo = memo, PostedAt = now });
    }

    public static long ToFen(decimal yuan) => decimal.ToInt64(decimal.Round(yuan * 100m, 0, MidpointRounding.ToZero));
}
