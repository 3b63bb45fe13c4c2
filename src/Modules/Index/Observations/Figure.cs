namespace Funeng.Index.Observations;

internal enum FigureOrigin
{
    /// <summary>A published observation (form, API, import, demo).</summary>
    Reported,

    /// <summary>Counted live from another module's records.</summary>
    Live,

    /// <summary>The province's value as the sum of its cities' (for additive indicators without a provincial figure).</summary>
    SumOfCities,
}

/// <summary>
/// How far a figure can be trusted, shown beside every value (rules on the method page): counted live from the
/// platform's records, reported by someone named from a named source, invented for the demo, or inconsistent (two
/// sources disagree for the same indicator, scope and year, e.g. a live count and a reported figure).
/// </summary>
internal enum EvidenceGrade
{
    Live,
    Reported,
    Demo,
    Inconsistent,
}

/// <summary>
/// The value an indicator has for a scope and year, with everything needed to trace it to its source.
/// <c>Other</c> is a second source's value for the same key that did not become the figure (the reported value a
/// live count stands beside, or the registry's count beside a reported level).
/// </summary>
internal sealed record Figure(
    string Indicator,
    string Scope,
    int Year,
    decimal Value,
    FigureOrigin Origin,
    string Source,
    bool Invented,
    Guid? ObservationId = null,
    int? Version = null,
    string? EnteredBy = null,
    DateTimeOffset? EnteredAt = null,
    IReadOnlyList<Figure>? Parts = null,
    Figure? Other = null)
{
    /// <summary>The figure's evidence grade: inconsistent before demo before reported before live.</summary>
    public EvidenceGrade Grade
    {
        get
        {
            var parts = Parts?.Select(p => p.Grade).ToList() ?? [];
            if ((Other is not null && Other.Value != Value) || parts.Contains(EvidenceGrade.Inconsistent))
            {
                return EvidenceGrade.Inconsistent;
            }

            if (Invented || Other?.Invented == true || parts.Contains(EvidenceGrade.Demo))
            {
                return EvidenceGrade.Demo;
            }

            return Origin switch
            {
                FigureOrigin.Live => EvidenceGrade.Live,
                FigureOrigin.SumOfCities when parts.Count > 0 && parts.All(p => p == EvidenceGrade.Live) => EvidenceGrade.Live,
                _ => EvidenceGrade.Reported,
            };
        }
    }

    /// <summary>This figure's value less the other source's, when there is one.</summary>
    public decimal? Difference => Other is null ? null : Value - Other.Value;

    /// <summary>When the data was entered; for a sum, its newest part.</summary>
    public DateTimeOffset? AsOf => EnteredAt ?? Parts?.Max(p => p.AsOf);
}
