namespace Funeng.Catalog.Contracts;

/// <summary>
/// One query box over every listing type and organisation profile, in Chinese and English. The index follows
/// each committed change within a second, so a listing is found right after it is published.
/// </summary>
public interface ICatalogSearch
{
    /// <summary>Runs a query. Results honour <see cref="CatalogSearchRequest.Viewer"/>: drafts only for their owner and the office.</summary>
    Task<CatalogSearchResult> SearchAsync(CatalogSearchRequest request, CancellationToken cancellationToken = default);
}

/// <summary>A search.</summary>
/// <param name="Text">Free text in Chinese and/or English; empty or null matches everything visible.</param>
/// <param name="Filters">Facet values to narrow by; values within one facet are OR-ed, facets are AND-ed.</param>
/// <param name="Viewer">Who is searching (see <see cref="CatalogViewer"/>).</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Hits per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Sort">Order of the hits.</param>
public sealed record CatalogSearchRequest(
    string? Text,
    CatalogFilters Filters,
    CatalogViewer Viewer,
    int Page = 1,
    int PageSize = CatalogSearchRequest.DefaultPageSize,
    CatalogSort Sort = CatalogSort.Relevance)
{
    /// <summary>A page when the caller does not say (the catalog page, the API).</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>How deep results go: page × page size at most this (deeper pages are refused; narrow the search instead).</summary>
    public const int MaxResultWindow = 1000;

    /// <summary>The longest query text, in characters.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>
    /// True (the default) shows each supplier once, by its best match, with <see cref="CatalogHit.MoreFromOwner"/>
    /// counting its other matches; applies to relevance-ordered text searches not narrowed to one owner.
    /// </summary>
    public bool CollapseByOwner { get; init; } = true;

    /// <summary>How the text must match (most terms by default; any informative term for long texts such as a scenario's problem).</summary>
    public CatalogTextMatch TextMatch { get; init; }

    /// <summary>False skips the facet counts, which cost time when a caller needs only the top hits.</summary>
    public bool WithFacets { get; init; } = true;
}

/// <summary>How a search's text must match.</summary>
public enum CatalogTextMatch
{
    /// <summary>Most query words must occur: all of one or two, fewer as the text grows (one when that finds nothing).</summary>
    MostTerms,

    /// <summary>Any informative term may match; hits rank by how many and how rare.</summary>
    AnyTerm,

    /// <summary>Every term must occur (<c>mode=all</c>).</summary>
    AllTerms,

    /// <summary>The whole text as one exact phrase (<c>mode=phrase</c>; a quoted part of any query is exact too).</summary>
    Phrase,
}

/// <summary>
/// Filters, one list of allowed values per facet (empty = no restriction). Keys are the facet values returned in
/// <see cref="CatalogSearchResult.Facets"/>: type keys from <see cref="ListingTypeKeys"/>, sector keys from
/// <see cref="Funeng.Kernel.Taxonomy.Sectors"/>, city slugs from <c>GuangdongCities</c>, qualification keys from
/// <see cref="Funeng.Kernel.Taxonomy.QualificationKinds"/>, licence names, access levels <c>open</c>/<c>conditional</c>/<c>restricted</c>.
/// </summary>
public sealed record CatalogFilters
{
    /// <summary>No filter at all.</summary>
    public static CatalogFilters None { get; } = new();

    /// <summary>Listing type keys, plus <see cref="ListingTypeKeys.Organisation"/> for organisation profiles.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Sectors { get; init; } = [];

    public IReadOnlyList<string> Cities { get; init; } = [];

    /// <summary>Qualification kinds held (currently valid) by the owning organisation.</summary>
    public IReadOnlyList<string> Qualifications { get; init; } = [];

    public IReadOnlyList<string> Licences { get; init; } = [];

    public IReadOnlyList<string> AccessLevels { get; init; } = [];

    /// <summary>Only listings (and the profile) of this organisation.</summary>
    public Guid? OwnerOrganisationId { get; init; }

    /// <summary>Only listings in this status (office and owners only; others only ever see published ones).</summary>
    public ListingStatus? Status { get; init; }
}

/// <summary>Order of search hits.</summary>
public enum CatalogSort
{
    /// <summary>Best match first (newest first when there is no text).</summary>
    Relevance,

    /// <summary>Most recently changed first.</summary>
    Newest,

    /// <summary>By Chinese title.</summary>
    Title,
}

/// <summary>A page of hits with the facet counts over all hits (not just this page).</summary>
/// <param name="Total">How many hits in all (at least this many when <see cref="CatalogSearchResult.TotalCapped"/>).</param>
/// <param name="Page">The page returned.</param>
/// <param name="PageSize">Its size.</param>
/// <param name="Hits">The hits of this page.</param>
/// <param name="Facets">Per facet name (see <see cref="CatalogFacets"/>), the values present among all hits with their counts, largest first.</param>
public sealed record CatalogSearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<CatalogHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets)
{
    /// <summary>Documents that matched before collapsing by owner (equals <see cref="Total"/> when not collapsed).</summary>
    public int Matched { get; init; }

    /// <summary>True when too few words matched together and the search fell back to any one of them.</summary>
    public bool Relaxed { get; init; }

    /// <summary>
    /// True when text was typed but none of it can be searched (punctuation, or only words such as "the" that every
    /// text has): the search finds nothing rather than listing the whole catalog as a search without text does.
    /// </summary>
    public bool NothingSearchable { get; init; }

    /// <summary>With few hits (the page and the search API), the query with its misspelt words corrected, when that finds more; else null.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>With few hits (the page and the search API), words that find more: names inside the query's glossary names, and another name of each of its concepts.</summary>
    public IReadOnlyList<string> TryWords { get; init; } = [];

    /// <summary>
    /// What the text asks for, as typed, that no listing or profile mentions in any of its names: its quoted phrases and
    /// glossary terms (养老院, 跌倒检测), so that a reader knows which part of a need the hits cannot answer.
    /// </summary>
    public IReadOnlyList<string> Unfound { get; init; } = [];

    /// <summary>
    /// True when the counts are estimates: a broad query ranks only a budget of candidates with its full query, so
    /// <see cref="Matched"/> is what its first pass found (every document the full query finds, and some it would
    /// not; past the facet sample's number of hits, estimated from the hits counted so far), <see cref="Total"/> a
    /// lower bound, and the best hits the best of the candidates.
    /// </summary>
    public bool TotalCapped { get; init; }

    /// <summary>True when the facet counts were scaled up from a sample of the hits: show them as approximate ("about").</summary>
    public bool FacetsApproximate { get; init; }
}

/// <summary>One hit.</summary>
/// <param name="Kind">Listing or organisation profile.</param>
/// <param name="Id">The listing id, or the organisation id for a profile.</param>
/// <param name="Type">The listing type; null for an organisation profile.</param>
/// <param name="Status">The listing's status (always Published for the public).</param>
/// <param name="TitleZh">Title in Chinese.</param>
/// <param name="TitleEn">Title in English (may equal the Chinese one when no translation exists).</param>
/// <param name="OwnerOrganisationId">The organisation that owns the listing (itself for a profile).</param>
/// <param name="OwnerNameZh">The owner's Chinese name, for display.</param>
/// <param name="CitySlug">Guangdong city slug, if known.</param>
/// <param name="Sectors">Sector keys (see <see cref="Funeng.Kernel.Taxonomy.Sectors"/>).</param>
/// <param name="Score">Relevance score; comparable only within one result.</param>
/// <param name="Snippet">A short passage with the matched terms wrapped in <c>&lt;mark&gt;</c>; all other text is HTML-encoded.</param>
public sealed record CatalogHit(
    CatalogHitKind Kind,
    Guid Id,
    ListingType? Type,
    ListingStatus Status,
    string TitleZh,
    string TitleEn,
    Guid OwnerOrganisationId,
    string OwnerNameZh,
    string? CitySlug,
    IReadOnlyList<string> Sectors,
    float Score,
    string Snippet)
{
    /// <summary>The owner's English name, empty when it has none (or the index predates it): show <see cref="OwnerNameZh"/> then.</summary>
    public string OwnerNameEn { get; init; } = "";

    /// <summary>Further matches of the same owner left out of the page by collapsing (see <see cref="CatalogSearchRequest.CollapseByOwner"/>).</summary>
    public int MoreFromOwner { get; init; }

    /// <summary>Why this hit matched: which query words, in which field, and through which glossary name.</summary>
    public IReadOnlyList<CatalogMatchReason> Reasons { get; init; } = [];
}

/// <summary>One reason a hit matched.</summary>
/// <param name="Field"><c>title</c>, <c>summary</c> or <c>text</c> (keywords, attributes, owner, sector or city names).</param>
/// <param name="Term">The query's word or phrase (for a hit that holds none of them whole, a Chinese bigram of the typed text it holds).</param>
/// <param name="Via">The glossary name that matched instead of <paramref name="Term"/> itself (a translation or synonym), or the words of one that the hit holds apart (瑕疵 + 检测 for 质检), if any.</param>
/// <param name="ViaDictionary">Whether <paramref name="Via"/> is the general dictionary's translation of a word the glossary lacks (CC-CEDICT), not a glossary name.</param>
public sealed record CatalogMatchReason(string Field, string Term, string? Via, bool ViaDictionary = false);

/// <summary>A facet value and how many hits carry it.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>Names of the facets in <see cref="CatalogSearchResult.Facets"/>.</summary>
public static class CatalogFacets
{
    public const string Type = "type";
    public const string Sector = "sector";
    public const string City = "city";
    public const string Qualification = "qualification";
    public const string Licence = "licence";
    public const string AccessLevel = "access_level";

    /// <summary>All facets, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Type, Sector, City, Qualification, Licence, AccessLevel];
}
