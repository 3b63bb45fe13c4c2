using Funeng.Compute.Registry;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;

namespace Funeng.Compute.Live;

/// <summary>
/// The compute network implements the measures whose targets its registry and placements are counted toward
/// (installed EFLOPS, device-hours): the indicators <see cref="ComputeLiveIndicators"/> feeds.
/// </summary>
internal sealed class ComputeMeasures(UiText text) : IMeasureImplementations
{
    public Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MeasureImplementation>>(
        [
            new MeasureImplementation(ImplementationKind.ComputeRegistry, text.All["compute.title"], "/compute", [],
                [Capacity.Indicator, ComputeLiveIndicators.DeviceHoursIndicator]),
        ]);
}
