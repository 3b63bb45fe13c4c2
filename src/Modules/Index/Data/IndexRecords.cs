namespace Funeng.Index.Data;

/// <summary>
/// One version of a value of an indicator for a scope and year. Rows are never updated: a correction or a
/// publication adds the next version, so the history of every figure stays readable.
/// </summary>
internal sealed class ObservationRecord
{
    public Guid Id { get; set; }

    public string Indicator { get; set; } = "";

    /// <summary><c>province</c> or <c>city:&lt;slug&gt;</c>.</summary>
    public string Scope { get; set; } = "";

    public int Year { get; set; }

    /// <summary>1 for the first value of (indicator, scope, year), then 2, 3... Unique, so two concurrent corrections cannot both win.</summary>
    public int Version { get; set; }

    public decimal Value { get; set; }

    public ObservationStatus Status { get; set; }

    /// <summary>Where the figure comes from (a statistical yearbook, a CAC list, a city report...).</summary>
    public string Source { get; set; } = "";

    /// <summary>True for numbers made up for the demo; every page that shows one says so.</summary>
    public bool Invented { get; set; }

    /// <summary>How the value arrived: form, api, import, demo.</summary>
    public string Channel { get; set; } = "";

    public string? EnteredByUserId { get; set; }

    public string EnteredByName { get; set; } = "";

    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>Why this version was entered (a correction's reason), if given.</summary>
    public string? Note { get; set; }
}

internal enum ObservationStatus
{
    /// <summary>Seen only by the city that entered it and the office; never enters the index.</summary>
    Draft,

    /// <summary>Public, counted in progress and the index.</summary>
    Published,
}

/// <summary>A weight the office set: <c>pillar:&lt;key&gt;</c> or <c>indicator:&lt;key&gt;</c>.</summary>
internal sealed class WeightRecord
{
    public string Key { get; set; } = "";

    public double Weight { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
