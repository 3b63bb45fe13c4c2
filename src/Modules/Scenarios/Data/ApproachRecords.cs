namespace Funeng.Scenarios.Data;

/// <summary>Who made the first move: a supplier's interest in a scenario, or the owner's invitation to a supplier.</summary>
internal enum ApproachKind
{
    Interest,
    Invitation,
}

internal enum ApproachStatus
{
    Open,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>
/// One contact between a scenario and a supplier organisation, answered by the other side. At most one per
/// scenario, supplier and kind (a unique index, so two quick clicks cannot make two).
/// </summary>
internal sealed class Approach
{
    public Guid Id { get; set; }

    public Guid ScenarioId { get; set; }

    public Guid SupplierOrganisationId { get; set; }

    public string SupplierNameZh { get; set; } = "";

    public ApproachKind Kind { get; set; }

    public ApproachStatus Status { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? DecidedByUserId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
