namespace Funeng.Catalog.Data;

/// <summary>
/// A glossary entry office staff added, edited or retired. It is merged over the shipped glossary.tsv: a record
/// whose <see cref="Group"/> is a shipped entry's group replaces that entry (or hides it while retired).
/// </summary>
internal sealed class GlossaryEntryRecord
{
    public Guid Id { get; set; }

    /// <summary>The synonym group the names belong to: the normalised first name the entry was given, never changed.</summary>
    public string Group { get; set; } = "";

    /// <summary>Chinese names, <c>|</c>-separated as in glossary.tsv.</summary>
    public string ZhNames { get; set; } = "";

    /// <summary>English names, <c>|</c>-separated.</summary>
    public string EnNames { get; set; } = "";

    public string Source { get; set; } = "";

    /// <summary>A retired entry no longer translates or expands queries; it stays listed for the office to restore.</summary>
    public bool Retired { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: of two staff editing one entry at once, the second is told instead of overwriting.</summary>
    public int Revision { get; set; }
}
