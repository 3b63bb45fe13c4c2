using Funeng.Kernel.Localization;

namespace Funeng.Policy.Contracts;

/// <summary>The measure a figure comes from.</summary>
/// <param name="DocumentId">The policy document's id.</param>
/// <param name="Number">The measure's number or key within that document ("8", "objectives").</param>
/// <param name="Title">The measure's title.</param>
/// <param name="SourceFile">The source text it was read from.</param>
public sealed record MeasureReference(string DocumentId, string Number, LocalizedText Title, string SourceFile)
{
    /// <summary>The measure's own page (what implements it, its targets and money).</summary>
    public string PagePath => PagePathOf(DocumentId, Number);

    public static string PagePathOf(string documentId, string number) => $"/policy/documents/{documentId}/measures/{number}";
}

/// <summary>
/// A quantitative target, quota or cap of a policy pack. <c>Counting</c> says how it counts (cumulative, per period,
/// or a level), as the pack states it from the source wording.
/// </summary>
public sealed record PolicyTarget(
    string Id,
    string PackId,
    TargetKind Kind,
    string Indicator,
    LocalizedText Name,
    Comparator Comparator,
    decimal Value,
    TargetUnit Unit,
    string? Per,
    int? Year,
    string Scope,
    bool Headline,
    LocalizedText? Note,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    LocalizedText DocumentTitle,
    MeasureReference Measure,
    TargetCounting Counting = TargetCounting.Level)
{
    /// <summary>
    /// Whether the target concerns <paramref name="year"/>: a goal for that year, or a quota or cap whose
    /// validity window covers it.
    /// </summary>
    public bool AppliesTo(int year) => Kind == TargetKind.Goal
        ? Year == year
        : (ValidFrom is null || ValidFrom.Value.Year <= year) && (ValidTo is null || ValidTo.Value.Year >= year);
}

/// <summary>What sort of figure a target is.</summary>
public enum TargetKind
{
    /// <summary>An outcome to reach by a year.</summary>
    Goal,

    /// <summary>A limit on a count per period (at most 10 benchmark cases a year).</summary>
    Quota,

    /// <summary>A limit on money (up to RMB 3 M per enterprise).</summary>
    Cap,
}

/// <summary>How a target counts its indicator (the pack's <c>counting</c>, read from the source's wording).</summary>
public enum TargetCounting
{
    /// <summary>Everything counted since the policy began, up to the target year ("500 scenarios by 2027").</summary>
    Cumulative,

    /// <summary>What happens within one period ("at most 10 a year", "annual output").</summary>
    PerPeriod,

    /// <summary>A level or stock at a point in time (installed EFLOPS, revenue, a rate).</summary>
    Level,
}

/// <summary>How the value is to be read.</summary>
public enum Comparator
{
    MoreThan,
    AtLeast,
    AtMost,
    Exactly,
    MultipleOfBaseline,
}

/// <summary>Units a target can be written in.</summary>
public enum TargetUnit
{
    Eflops,
    Cny,
    Percent,
    Count,
    Units,
    Vehicles,
    Ratio,
    Milliseconds,
}

/// <summary>Which targets to list; every filter is optional.</summary>
/// <param name="Year">Targets that concern this year.</param>
/// <param name="Scope">"province" or "city:&lt;slug&gt;".</param>
/// <param name="Indicator">An indicator key.</param>
/// <param name="HeadlineOnly">Only the headline targets.</param>
public sealed record TargetFilter(int? Year = null, string? Scope = null, string? Indicator = null, bool HeadlineOnly = false);
