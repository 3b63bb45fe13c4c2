using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Measures;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Measures;

/// <summary>
/// Each program of the pack implements the measure its file declares (<c>document</c>, <c>measure</c>), with the money
/// under it read from the ledger: committed and paid are the accounts' balances over all years, clawed back the
/// amounts of withdrawn awards (a clawback returns the money to available, so no balance keeps it).
/// </summary>
internal sealed class ProgramMeasures(IncentivesDb db, ProgramCatalog catalog) : IMeasureImplementations
{
    public async Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var balances = await db.Ledger.AsNoTracking()
            .Where(l => l.Account == BudgetLedger.Committed || l.Account == BudgetLedger.Paid)
            .GroupBy(l => new { l.ProgramId, l.Account })
            .Select(g => new { g.Key.ProgramId, g.Key.Account, Fen = g.Sum(l => l.AmountFen) })
            .ToListAsync(cancellationToken);
        var clawedBack = await db.Awards.AsNoTracking().Where(a => a.Status == AwardStatus.ClawedBack)
            .GroupBy(a => a.ProgramId).Select(g => new { ProgramId = g.Key, Fen = g.Sum(a => a.AmountFen) })
            .ToListAsync(cancellationToken);
        long Balance(string program, string account) => balances.Where(b => b.ProgramId == program && b.Account == account).Sum(b => b.Fen);
        return catalog.Programs.Select(p => new MeasureImplementation(
            ImplementationKind.IncentiveProgram,
            p.Name,
            $"/incentives/programs/{p.Id}",
            [MeasureImplementation.Reference(p.DocumentId, p.Measure)],
            Money: new MeasureMoney(
                Balance(p.Id, BudgetLedger.Committed) / 100m,
                Balance(p.Id, BudgetLedger.Paid) / 100m,
                clawedBack.Where(c => c.ProgramId == p.Id).Sum(c => c.Fen) / 100m))).ToList();
    }
}
