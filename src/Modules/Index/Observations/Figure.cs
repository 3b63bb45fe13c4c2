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

/// <summary>The value an indicator has for a scope and year, with everything needed to trace it to its source.</summary>
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
    IReadOnlyList<Figure>? Parts = null)
{
    /// <summary>When the data was entered; for a sum, its newest part.</summary>
    public DateTimeOffset? AsOf => EnteredAt ?? Parts?.Max(p => p.AsOf);
}
