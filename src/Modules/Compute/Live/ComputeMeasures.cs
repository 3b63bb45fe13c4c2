using Funeng.Compute.Data;
using Funeng.Compute.Registry;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Kernel.Taxonomy;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Live;

/// <summary>
/// The compute network implements the measures whose targets its registry and placements are counted toward
/// (installed EFLOPS, device-hours): the indicators <see cref="ComputeLiveIndicators"/> feeds. Measure 8 of the 2024
/// document also asks for wider AI compute coverage of key industries by 2027 and sets no figure, so the sectors that
/// compute requests serve are shown under it as counted from the requests.
/// </summary>
internal sealed class ComputeMeasures(ComputeDb db, UiText text) : IMeasureImplementations
{
    private const string KeyIndustryCoverage = "gd-2024-ai-empowerment#8";

    public async Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var served = await db.Requests.AsNoTracking().Where(r => r.Sector != null && r.State != RequestState.Cancelled)
            .Select(r => r.Sector!).Distinct().ToListAsync(cancellationToken);
        var coverage = served.Count == 0
            ? ProblemMessage.Of("compute.measure.coverage-none")
            : ProblemMessage.Of("compute.measure.coverage", served.Count, Sectors.All.Count, LocalizedText.Join(served.Order(StringComparer.Ordinal).Select(Sectors.Name)));
        return
        [
            new MeasureImplementation(ImplementationKind.ComputeRegistry, text.All["compute.title"], "/compute", [],
                [Capacity.Indicator, ComputeLiveIndicators.DeviceHoursIndicator]),
            new MeasureImplementation(ImplementationKind.ComputeRegistry, text.All["compute.measure.coverage-title"], "/compute", [KeyIndustryCoverage],
                Status: coverage.Both(text)),
        ];
    }
}
