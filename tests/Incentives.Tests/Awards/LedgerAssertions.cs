using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Tests.Awards;

internal static class LedgerAssertions
{
    /// <summary>Every ledger transaction sums to zero, no account is overdrawn, and committed + paid match the awards.</summary>
    public static async Task AssertBalancedAsync(IncentivesDb db, string programId, int year)
    {
        var entries = await db.Ledger.AsNoTracking().Where(l => l.ProgramId == programId && l.Year == year).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(entries.GroupBy(e => e.TransactionId), t => Assert.Equal(0L, t.Sum(e => e.AmountFen)));
        long Balance(string account) => entries.Where(e => e.Account == account).Sum(e => e.AmountFen);
        Assert.True(Balance(BudgetLedger.Available) >= 0, "the available budget is overdrawn");
        var awards = await db.Awards.AsNoTracking().Where(a => a.ProgramId == programId && a.Year == year).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(awards.Where(a => a.Status == AwardStatus.Committed).Sum(a => a.AmountFen), Balance(BudgetLedger.Committed));
        Assert.Equal(awards.Where(a => a.Status == AwardStatus.Paid).Sum(a => a.AmountFen), Balance(BudgetLedger.Paid));
        Assert.Equal(-Balance(BudgetLedger.Appropriation), Balance(BudgetLedger.Available) + Balance(BudgetLedger.Committed) + Balance(BudgetLedger.Paid));
    }
}
