namespace Funeng.Platform.Data;

/// <summary>One link of the audit chain. <see cref="Sequence"/> is the primary key, so the chain cannot fork.</summary>
internal sealed class AuditEntry
{
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to whole milliseconds so that every database stores it exactly.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public string Actor { get; set; } = "";

    public string? ActorUserId { get; set; }

    public Guid? OrganisationId { get; set; }

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Details { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
