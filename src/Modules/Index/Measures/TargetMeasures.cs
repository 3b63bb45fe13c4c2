using System.Globalization;
using Funeng.Index.Observations;
using Funeng.Index.Pages;
using Funeng.Index.Progress;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Measures;

/// <summary>
/// Each goal and quota of the pack, with where it stands, under the measure the pack files it under: the same
/// assessment as the progress page (<see cref="TrackProgress"/>), so a measure page and the dashboard never disagree.
/// </summary>
internal sealed class TargetMeasures(IPolicyQueries policy, IndicatorValues values, TimeProvider clock, UiText text) : IMeasureImplementations
{
    public async Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var targets = await policy.ListTargetsAsync(new TargetFilter(), cancellationToken);
        var book = await values.LoadAsync(cancellationToken);
        return TrackProgress.Assess(targets, book, clock.GetUtcNow()).Select(p => new MeasureImplementation(
            ImplementationKind.TargetProgress,
            p.Target.Name,
            $"/empowerment-index/progress#target-{p.Target.Id}",
            [MeasureImplementation.Reference(p.Target.Measure.DocumentId, p.Target.Measure.Number)],
            Status: Status(p))).ToList();
    }

    private LocalizedText Status(TargetProgress progress)
    {
        var status = text.All[Display.StatusKey(progress.Assessment.Status)];
        if (progress.Assessment.Latest is not { } latest)
        {
            return status;
        }

        var template = text.All["index.measures.latest"];
        var value = latest.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return new LocalizedText(
            UiTemplate.Fill(CultureInfo.InvariantCulture, template.Zh, status.Zh, latest.Year, value),
            UiTemplate.Fill(CultureInfo.InvariantCulture, template.En, status.En, latest.Year, value));
    }
}
