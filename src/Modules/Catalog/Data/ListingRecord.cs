using Funeng.Catalog.Contracts;

namespace Funeng.Catalog.Data;

/// <summary>
/// A listing's working copy: what the owner edits. Publishing freezes the working copy into a
/// <see cref="ListingVersionRecord"/>; the public always sees the latest published version.
/// </summary>
internal sealed class ListingRecord
{
    public Guid Id { get; set; }

    public ListingType Type { get; set; }

    public Guid OwnerOrganisationId { get; set; }

    public ListingStatus Status { get; set; }

    public ListingContent Content { get; set; } = new();

    /// <summary>The city of the latest published version, copied out of it so public counts per city are a GROUP BY.</summary>
    public string? PublishedCitySlug { get; set; }

    /// <summary>Why a reviewer returned it (null unless <see cref="ListingStatus.Returned"/>).</summary>
    public string? ReturnReason { get; set; }

    public string? Source { get; set; }

    public string? SourceId { get; set; }

    public int? PublishedVersion { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two reviewers cannot both act on the same submission.</summary>
    public int Revision { get; set; }

    public List<ListingVersionRecord> Versions { get; set; } = [];
}

/// <summary>A published version, kept for ever.</summary>
internal sealed class ListingVersionRecord
{
    public Guid ListingId { get; set; }

    public int Number { get; set; }

    public ListingContent Content { get; set; } = new();

    public DateTimeOffset PublishedAt { get; set; }

    public string PublishedBy { get; set; } = "";
}

/// <summary>The editable fields of a listing; the type-specific ones live in <see cref="Attributes"/>.</summary>
internal sealed record ListingContent
{
    public string TitleZh { get; init; } = "";

    public string TitleEn { get; init; } = "";

    public string SummaryZh { get; init; } = "";

    public string SummaryEn { get; init; } = "";

    public string? CitySlug { get; init; }

    public IReadOnlyList<string> Sectors { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public string Attribute(string name) => Attributes.GetValueOrDefault(name) ?? "";

    /// <summary>
    /// Splits a multi-valued field ("a; b；c") into its values: the one way such a field is stored, so forms and
    /// imports write it and checks, search and exports read it alike.
    /// </summary>
    public static IReadOnlyList<string> Values(string text) =>
        text.Split([';', '；', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
