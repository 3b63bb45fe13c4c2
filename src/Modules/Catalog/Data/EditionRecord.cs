namespace Funeng.Catalog.Data;

/// <summary>
/// An edition of the innovative product recommendation catalog (创新产品推荐目录). Office staff compile it while it
/// is a draft; publication freezes it for good, with the listing version each entry pointed to.
/// </summary>
internal sealed class EditionRecord
{
    public Guid Id { get; set; }

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public int Year { get; set; }

    public string DescriptionZh { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    /// <summary>The publication date printed on the edition; null while it is a draft.</summary>
    public DateOnly? PublishedOn { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: an edit racing the publication loses instead of slipping in after it.</summary>
    public int Revision { get; set; }

    public List<EditionEntryRecord> Entries { get; set; } = [];

    public bool IsPublished => PublishedOn is not null;
}

/// <summary>A listing in an edition, fixed to the published version that was current when it was added.</summary>
internal sealed class EditionEntryRecord
{
    public Guid EditionId { get; set; }

    public Guid ListingId { get; set; }

    public int ListingVersion { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
