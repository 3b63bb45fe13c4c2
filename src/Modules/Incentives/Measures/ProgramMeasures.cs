using Funeng.Incentives.Programs;
using Funeng.Incentives.Reports;
using Funeng.Kernel.Measures;

namespace Funeng.Incentives.Measures;

/// <summary>
/// Each program of the pack implements the measure its file declares (<c>document</c>, <c>measure</c>), with the money
/// under it summed over all years of the budget report, so a measure page and the budget report cannot disagree.
/// </summary>
internal sealed class ProgramMeasures(BudgetReport budgetReport, ProgramCatalog catalog) : IMeasureImplementations
{
    public async Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var years = (await budgetReport.BuildAsync(null, cancellationToken)).Programs;
        return catalog.Programs.Select(p =>
        {
            var own = years.Where(y => y.ProgramId == p.Id).ToList();
            return new MeasureImplementation(
                ImplementationKind.IncentiveProgram,
                p.Name,
                $"/incentives/programs/{p.Id}",
                [MeasureImplementation.Reference(p.DocumentId, p.Measure)],
                Money: new MeasureMoney(own.Sum(y => y.Committed), own.Sum(y => y.Paid), own.Sum(y => y.ClawedBack)));
        }).ToList();
    }
}
