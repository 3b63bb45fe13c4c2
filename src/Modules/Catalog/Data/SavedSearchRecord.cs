using Funeng.Catalog.Contracts;

namespace Funeng.Catalog.Data;

/// <summary>
/// A search a signed-in user keeps: its text and facet filters. The saver's organisation and office role are
/// kept with it, because matching runs later in someone else's request (the reviewer's publish) and must show
/// the saver only what they may see.
/// </summary>
internal sealed class SavedSearchRecord
{
    public const int MaxPerUser = 50;
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 200;

    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public Guid? OrganisationId { get; set; }

    public bool IsOffice { get; set; }

    public string Name { get; set; } = "";

    public string Text { get; set; } = "";

    public CatalogFilters Filters { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public CatalogViewer Viewer => new(OrganisationId, IsOffice);

    public CatalogSearchRequest Request(int pageSize = CatalogSearchRequest.DefaultPageSize) => new(Text, Filters, Viewer, 1, pageSize);
}

/// <summary>A listing a saved search has already announced: its owner is told once per listing, whatever later versions say.</summary>
internal sealed class SavedSearchMatchRecord
{
    public Guid SavedSearchId { get; set; }

    public Guid ListingId { get; set; }

    /// <summary>The published version that first matched.</summary>
    public int ListingVersion { get; set; }

    public DateTimeOffset NotifiedAt { get; set; }
}

/// <summary>
/// A published listing waiting for its saved-search alerts: written in the publishing transaction (so a
/// publication is never lost between commit and alert), removed once the worker has matched it.
/// </summary>
internal sealed class SavedSearchQueueRecord
{
    public long Id { get; set; }

    public Guid ListingId { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
}
