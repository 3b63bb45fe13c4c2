using Funeng.Kernel.Measures;
using Funeng.Policy.Contracts;

namespace Funeng.Policy.Measures;

/// <summary>One measure as its page shows it.</summary>
internal sealed record MeasureView(
    PolicyDocumentSummary Document,
    PolicyMeasure Measure,
    IReadOnlyList<PolicyTarget> Targets,
    IReadOnlyList<MeasureImplementation> Implementations,
    MeasureMoney Money,
    MeasureStatus Status);

/// <summary>A row of the coverage page.</summary>
internal sealed record CoverageRow(PolicyDocumentSummary Document, PolicyMeasure Measure, MeasureStatus Status, int Implementations, int Targets, MeasureMoney Money);

/// <summary>
/// The measure page and the coverage page: every measure of every loaded pack, read from the pack, with what the
/// modules say implements it (every registered <see cref="IMeasureImplementations"/>). Public reads, so no actor: each
/// module answers only with what the public may open.
/// </summary>
internal sealed class ReadMeasures(IPolicyQueries policy, IEnumerable<IMeasureImplementations> modules)
{
    public async Task<MeasureView?> FindAsync(string documentId, string number, CancellationToken cancellationToken)
    {
        var detail = await policy.FindDocumentAsync(documentId, cancellationToken);
        var measure = detail?.Measures.FirstOrDefault(m => m.Number == number);
        if (detail is null || measure is null)
        {
            return null;
        }

        var all = await ImplementationsAsync(cancellationToken);
        return View(detail, measure, all);
    }

    public async Task<IReadOnlyList<CoverageRow>> CoverageAsync(CancellationToken cancellationToken)
    {
        var all = await ImplementationsAsync(cancellationToken);
        var rows = new List<CoverageRow>();
        foreach (var document in await policy.ListDocumentsAsync(cancellationToken))
        {
            var detail = await policy.FindDocumentAsync(document.Id, cancellationToken);
            foreach (var measure in detail?.Measures ?? [])
            {
                var view = View(detail!, measure, all);
                rows.Add(new CoverageRow(document, measure, view.Status, view.Implementations.Count(i => i.Kind != ImplementationKind.TargetProgress), view.Targets.Count, view.Money));
            }
        }

        return rows;
    }

    private static MeasureView View(PolicyDocumentDetail detail, PolicyMeasure measure, IReadOnlyList<MeasureImplementation> all)
    {
        var targets = detail.Targets.Where(t => t.Measure.Number == measure.Number).ToList();
        var implementations = MeasureCoverage.Of(detail.Document.Id, measure.Number, targets, all);
        return new MeasureView(detail.Document, measure, targets, implementations, MeasureCoverage.MoneyOf(implementations),
            MeasureCoverage.StatusOf(implementations, targets.Count));
    }

    private async Task<IReadOnlyList<MeasureImplementation>> ImplementationsAsync(CancellationToken cancellationToken)
    {
        var all = new List<MeasureImplementation>();
        foreach (var module in modules)
        {
            all.AddRange(await module.ListAsync(cancellationToken));
        }

        return all;
    }
}
