using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Measures;

/// <summary>What sort of thing implements a policy measure; the measure page groups by it.</summary>
public enum ImplementationKind
{
    /// <summary>A published scenario list ("call") whose quotas answer the measure.</summary>
    ScenarioList,

    /// <summary>A Challenge and Lead call built from scenarios of the measure's sectors.</summary>
    Challenge,

    /// <summary>Published scenarios of a sector the measure names.</summary>
    ScenarioSector,

    /// <summary>An incentive program of the pack declared under the measure; carries the money.</summary>
    IncentiveProgram,

    /// <summary>A catalog listing type counted toward the measure's targets.</summary>
    CatalogListingType,

    /// <summary>The compute registry, counted toward the measure's compute targets.</summary>
    ComputeRegistry,

    /// <summary>A target of the measure with where it stands (the Index module's progress).</summary>
    TargetProgress,
}

/// <summary>Money under a program, in yuan, all years together.</summary>
/// <param name="Committed">Awarded and not yet paid (the ledger's committed balance).</param>
/// <param name="Paid">Paid out (the ledger's paid balance).</param>
/// <param name="ClawedBack">Awards withdrawn and returned to the budget.</param>
public sealed record MeasureMoney(decimal Committed, decimal Paid, decimal ClawedBack)
{
    public static MeasureMoney Zero { get; } = new(0m, 0m, 0m);

    public MeasureMoney Plus(MeasureMoney other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Committed + other.Committed, Paid + other.Paid, ClawedBack + other.ClawedBack);
    }
}

/// <summary>
/// One thing of a module that puts a measure into practice. It names the measures directly (<paramref name="Measures"/>,
/// "document#number" as <see cref="MeasureImplementation.Reference"/> writes them) or through the indicators it feeds
/// (<paramref name="Indicators"/>): Policy then reads the measures from the pack's targets on those indicators, so no
/// module keeps a copy of the pack's measure numbers for what the pack already says.
/// </summary>
/// <param name="Kind">What sort of thing it is.</param>
/// <param name="Title">Its name in both languages.</param>
/// <param name="Link">A page anyone may open (GET, no sign-in) that shows it.</param>
/// <param name="Measures">Measures it names, "document#number".</param>
/// <param name="Indicators">Indicator keys it is counted in.</param>
/// <param name="Status">Where it stands, in both languages (a quota's fill, a target's progress), if anything.</param>
/// <param name="Money">Money committed, paid and clawed back under it, for programs.</param>
public sealed record MeasureImplementation(
    ImplementationKind Kind,
    LocalizedText Title,
    string Link,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string>? Indicators = null,
    LocalizedText? Status = null,
    MeasureMoney? Money = null)
{
    /// <summary>How a measure is named across modules: <c>gd-2024-ai-empowerment#26</c>.</summary>
    public static string Reference(string documentId, string number) => documentId + "#" + number;
}

/// <summary>
/// A module's answer to "which of my things implement which policy measure", read by Policy's measure and coverage
/// pages. Registered with <c>services.AddScoped&lt;IMeasureImplementations, …&gt;()</c> in the module file; it sits in
/// Kernel (like <see cref="Workbench.IWorkbenchSource"/>) because Policy is below the modules that implement it and may
/// reference none of them. Implementations list only what the public may see, since every link is followed anonymously.
/// </summary>
public interface IMeasureImplementations
{
    Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default);
}
