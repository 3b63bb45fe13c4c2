using Funeng.Kernel.Measures;
using Funeng.Policy.Contracts;

namespace Funeng.Policy.Measures;

/// <summary>Where a measure stands: something implements it, it has targets and nothing more, or nothing at all.</summary>
internal enum MeasureStatus
{
    Implemented,
    TargetsOnly,
    NothingYet,
}

/// <summary>
/// Which of the modules' implementations belong to a measure, and what that makes of it. Pure: the pack's measure
/// and targets and the modules' answers in, the measure's share out.
/// </summary>
internal static class MeasureCoverage
{
    /// <summary>
    /// The implementations that name the measure, or that feed an indicator one of its targets counts
    /// (<paramref name="targets"/> are the measure's own targets), each once, in the modules' order.
    /// </summary>
    public static IReadOnlyList<MeasureImplementation> Of(string documentId, string number, IReadOnlyList<PolicyTarget> targets, IEnumerable<MeasureImplementation> all)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(all);
        var reference = MeasureImplementation.Reference(documentId, number);
        var indicators = targets.Select(t => t.Indicator).ToHashSet(StringComparer.Ordinal);
        return all.Where(i => i.Measures.Contains(reference, StringComparer.Ordinal) || (i.Indicators ?? []).Any(indicators.Contains)).Distinct().ToList();
    }

    /// <summary>
    /// Implemented when anything but a target's progress implements it; targets only when all it has are targets
    /// (the pack's, or their progress); else nothing yet.
    /// </summary>
    public static MeasureStatus StatusOf(IReadOnlyList<MeasureImplementation> implementations, int targetCount)
    {
        ArgumentNullException.ThrowIfNull(implementations);
        return implementations.Any(i => i.Kind != ImplementationKind.TargetProgress) ? MeasureStatus.Implemented
            : targetCount > 0 || implementations.Count > 0 ? MeasureStatus.TargetsOnly
            : MeasureStatus.NothingYet;
    }

    /// <summary>The money under the measure: its programs' committed, paid and clawed-back sums.</summary>
    public static MeasureMoney MoneyOf(IEnumerable<MeasureImplementation> implementations) =>
        implementations.Select(i => i.Money).OfType<MeasureMoney>().Aggregate(MeasureMoney.Zero, (total, money) => total.Plus(money));

    /// <summary>The status's key in strings.json.</summary>
    public static string Key(MeasureStatus status) => "policy.coverage.status." + status switch
    {
        MeasureStatus.Implemented => "implemented",
        MeasureStatus.TargetsOnly => "targets-only",
        _ => "nothing-yet",
    };
}
