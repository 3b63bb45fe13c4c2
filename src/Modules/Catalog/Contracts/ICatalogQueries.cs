namespace Funeng.Catalog.Contracts;

/// <summary>Reads organisation profiles and listings by id, for other modules (matchmaking, incentives).</summary>
public interface ICatalogQueries
{
    /// <summary>The current version of a listing, or null when it does not exist or <paramref name="viewer"/> may not see it.</summary>
    Task<ListingDetail?> FindListingAsync(Guid listingId, CatalogViewer viewer, CancellationToken cancellationToken = default);

    /// <summary>An organisation's profile (keyed by the Platform organisation id), or null when it has none.</summary>
    Task<OrganisationProfile?> FindOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The contact address a supplier gave on its catalog profile, or null. Never shown to readers: other modules use
    /// it only to reach an organisation that has no account yet (an owner's invitation to a supplier).
    /// </summary>
    Task<string?> FindContactEmailAsync(Guid organisationId, CancellationToken cancellationToken = default);

    /// <summary>The profiles of several organisations in one read, by id; organisations without a profile are left out.</summary>
    Task<IReadOnlyDictionary<Guid, OrganisationProfile>> FindOrganisationsAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default);

    /// <summary>The published listings of an organisation, newest first.</summary>
    Task<IReadOnlyList<ListingSummary>> ListPublishedListingsAsync(Guid organisationId, CancellationToken cancellationToken = default);
}

/// <summary>A listing as others see it.</summary>
/// <param name="Id">Stable id across versions.</param>
/// <param name="Type">What kind of listing.</param>
/// <param name="Status">Workflow status.</param>
/// <param name="OwnerOrganisationId">The organisation that owns it.</param>
/// <param name="TitleZh">Title in Chinese.</param>
/// <param name="TitleEn">Title in English.</param>
/// <param name="SummaryZh">One-paragraph summary in Chinese.</param>
/// <param name="SummaryEn">One-paragraph summary in English.</param>
/// <param name="CitySlug">Guangdong city slug, if known.</param>
/// <param name="Sectors">Sector keys (see <see cref="Funeng.Kernel.Taxonomy.Sectors"/>).</param>
/// <param name="PublishedVersion">The number of the latest published version, or null if never published.</param>
/// <param name="PublishedAt">When that version was published.</param>
public sealed record ListingSummary(
    Guid Id,
    ListingType Type,
    ListingStatus Status,
    Guid OwnerOrganisationId,
    string TitleZh,
    string TitleEn,
    string SummaryZh,
    string SummaryEn,
    string? CitySlug,
    IReadOnlyList<string> Sectors,
    int? PublishedVersion,
    DateTimeOffset? PublishedAt);

/// <summary>A listing with its type-specific fields.</summary>
/// <param name="Summary">The common fields.</param>
/// <param name="Keywords">Free keywords.</param>
/// <param name="Attributes">Type-specific fields by snake_case name (e.g. <c>parameters</c>, <c>licence</c>, <c>deployment</c>, <c>access_level</c>, <c>filing_number</c>), multi-valued fields joined by "; ".</param>
/// <param name="Source">Where an imported listing came from (e.g. <c>cac-algorithm-filings</c>), or null.</param>
/// <param name="SourceId">Its identifier there (e.g. the filing number), or null.</param>
public sealed record ListingDetail(
    ListingSummary Summary,
    IReadOnlyList<string> Keywords,
    IReadOnlyDictionary<string, string> Attributes,
    string? Source,
    string? SourceId);

/// <summary>An organisation's supply-side profile.</summary>
/// <param name="OrganisationId">The Platform organisation id (imported organisations without an account get a stable id derived from their name).</param>
/// <param name="LegalNameZh">Legal name in Chinese.</param>
/// <param name="LegalNameEn">Name in English.</param>
/// <param name="CreditCode">Unified social credit code (GB 32100-2015), when known.</param>
/// <param name="CitySlug">Guangdong city slug.</param>
/// <param name="District">District or county, free text.</param>
/// <param name="Size">Enterprise size class: <c>micro</c>, <c>small</c>, <c>medium</c>, <c>large</c>, or null.</param>
/// <param name="Sectors">Sector keys.</param>
/// <param name="Qualifications">Qualifications with issuer and validity.</param>
public sealed record OrganisationProfile(
    Guid OrganisationId,
    string LegalNameZh,
    string LegalNameEn,
    string? CreditCode,
    string? CitySlug,
    string? District,
    string? Size,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<QualificationSummary> Qualifications);

/// <summary>A qualification an organisation holds.</summary>
/// <param name="Kind">A key of <see cref="Funeng.Kernel.Taxonomy.QualificationKinds"/>.</param>
/// <param name="Issuer">Who granted it.</param>
/// <param name="ValidFrom">First day it holds.</param>
/// <param name="ValidTo">Last day it holds, or null if open-ended.</param>
public sealed record QualificationSummary(string Kind, string Issuer, DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>True when it holds on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}
