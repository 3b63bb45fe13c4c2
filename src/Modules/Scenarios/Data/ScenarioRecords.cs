namespace Funeng.Scenarios.Data;

/// <summary>Where a scenario is in its lifecycle (see <see cref="Posts.ScenarioLifecycle"/>).</summary>
internal enum ScenarioStatus
{
    Draft,
    Submitted,
    Returned,
    Published,
    Matched,
    InDelivery,
    Delivered,
    Closed,
}

/// <summary>A need posted by a scenario owner (hospital, elder-care home, school, factory, agency).</summary>
internal sealed class ScenarioPost
{
    public Guid Id { get; set; }

    public Guid OwnerOrganisationId { get; set; }

    public string CreatedByUserId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Problem { get; set; } = "";

    public string ExpectedOutcome { get; set; } = "";

    public string Sector { get; set; } = "";

    public string CitySlug { get; set; } = "";

    public string District { get; set; } = "";

    public string DataAvailable { get; set; } = "";

    /// <summary>Yuan. Never summed in SQL (SQLite keeps decimals as text); sums happen in C#.</summary>
    public decimal? BudgetMin { get; set; }

    public decimal? BudgetMax { get; set; }

    public DateOnly? Deadline { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactDetail { get; set; } = "";

    public ScenarioStatus Status { get; set; }

    public string? ReturnReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A scenario list edition ("Guangzhou 2026 AI + Elderly Care").</summary>
internal sealed class ScenarioList
{
    public Guid Id { get; set; }

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public int Year { get; set; }

    /// <summary>"province" or "city:&lt;slug&gt;".</summary>
    public string Scope { get; set; } = "";

    public Guid CreatedByOrganisationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public List<ListQuota> Quotas { get; set; } = [];

    public List<ListEntry> Entries { get; set; } = [];
}

/// <summary>A quota of a list: how many scenarios of a sector (or of any sector) in a region.</summary>
internal sealed class ListQuota
{
    public Guid Id { get; set; }

    public Guid ListId { get; set; }

    /// <summary>Null for "every sector" (the application_scenarios indicator).</summary>
    public string? Sector { get; set; }

    public string Scope { get; set; } = "";

    public int Target { get; set; }

    /// <summary>The policy target the figure was read from; null when entered by hand (no target in the pack).</summary>
    public string? PolicyTargetId { get; set; }
}

/// <summary>A published scenario placed in a list.</summary>
internal sealed class ListEntry
{
    public Guid ListId { get; set; }

    public Guid ScenarioId { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A typical case made from a delivered scenario; some are designated benchmark cases.</summary>
internal sealed class ScenarioCase
{
    public Guid Id { get; set; }

    public Guid ScenarioId { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int? BenchmarkYear { get; set; }

    public DateTimeOffset? DesignatedAt { get; set; }

    public List<CaseOutcome> Outcomes { get; set; } = [];
}

/// <summary>An outcome figure of a case ("night falls detected", 37, "%").</summary>
internal sealed class CaseOutcome
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public string Name { get; set; } = "";

    public decimal Value { get; set; }

    public string Unit { get; set; } = "";
}

/// <summary>
/// How many benchmark cases a year has: updated with a conditional UPDATE, which both providers serialise on the
/// row, so two concurrent designations cannot both take the last place.
/// </summary>
internal sealed class BenchmarkTally
{
    public int Year { get; set; }

    public int Designated { get; set; }
}

/// <summary>A user following a scenario or challenge, to be notified when it changes.</summary>
internal sealed class Follow
{
    /// <summary>The <see cref="EntityType"/> of a followed scenario.</summary>
    public const string ScenarioType = "scenario";

    /// <summary>The <see cref="EntityType"/> of a followed challenge.</summary>
    public const string ChallengeType = "challenge";

    public string UserId { get; set; } = "";

    public string EntityType { get; set; } = "";

    public Guid EntityId { get; set; }
}
