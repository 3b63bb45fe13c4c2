namespace Funeng.Catalog.Search;

/// <summary>Field names of the search index.</summary>
internal static class IndexFields
{
    /// <summary>Unique key of a document: <c>org:{id}</c>, <c>pub:{id}</c> (published version) or <c>work:{id}</c> (working copy).</summary>
    public const string Key = "key";

    /// <summary>The listing or organisation id; every document of one listing shares it.</summary>
    public const string Id = "id";

    public const string Kind = "kind";
    public const string Status = "status";
    public const string Owner = "owner";
    public const string OwnerName = "owner_name";

    /// <summary>The owner's English name, stored for cards on English pages (documents indexed before it have none).</summary>
    public const string OwnerNameEn = "owner_name_en";

    /// <summary><c>published</c> for what the public sees, <c>working</c> for a working copy only its owner and the office see.</summary>
    public const string Role = "role";

    /// <summary>"1" on the document that shows a listing's latest state to its owner and the office.</summary>
    public const string Current = "current";

    public const string TitleZh = "title_zh";
    public const string TitleEn = "title_en";
    public const string Summary = "summary";

    /// <summary>The English summary, stored for snippets on English pages (documents indexed before it have none).</summary>
    public const string SummaryEn = "summary_en";

    /// <summary>Every searchable text of the document in one bilingual field; queries must match here.</summary>
    public const string All = "all";

    /// <summary>The same texts as <see cref="All"/>, cut into words (SmartCn) rather than bigrams.</summary>
    public const string Words = "words";

    /// <summary>How complete a listing's description is (filled fields), for ordering a search without text.</summary>
    public const string Completeness = "completeness";

    public const string Updated = "updated";
    public const string TitleSort = "title_sort";
    public const string SectorsStored = "sectors_stored";
    public const string CityStored = "city_stored";
    public const string TypeStored = "type_stored";

    public const string RolePublished = "published";
    public const string RoleWorking = "working";
}
