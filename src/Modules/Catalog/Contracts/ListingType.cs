namespace Funeng.Catalog.Contracts;

/// <summary>The five kinds of listing an organisation can offer. JSON and URLs use the snake_case names.</summary>
public enum ListingType
{
    /// <summary>An algorithm product or solution (sectors, capabilities, deployment, reference customers).</summary>
    AlgorithmProduct,

    /// <summary>A large model, described by a model card.</summary>
    LargeModel,

    /// <summary>An industry dataset, described with DCAT-style metadata.</summary>
    Dataset,

    /// <summary>A smart terminal product in one of the eight categories of the Guangdong measures.</summary>
    TerminalProduct,

    /// <summary>A patent linked to its applicant organisations.</summary>
    Patent,
}

/// <summary>Where a listing is in its workflow: draft → submitted → published (or returned) → withdrawn.</summary>
public enum ListingStatus
{
    /// <summary>Being written by its owner; visible only to the owner and the office.</summary>
    Draft,

    /// <summary>Waiting for review by office staff; visible only to the owner and the office.</summary>
    Submitted,

    /// <summary>Public. Every published version is kept.</summary>
    Published,

    /// <summary>Sent back by a reviewer with reasons; the owner edits and resubmits.</summary>
    Returned,

    /// <summary>Taken off the catalog by its owner or the office; no longer public.</summary>
    Withdrawn,
}

/// <summary>Whether a hit is an organisation profile or one of its listings.</summary>
public enum CatalogHitKind
{
    /// <summary>A listing; <see cref="CatalogHit.Type"/> says which kind.</summary>
    Listing,

    /// <summary>An organisation profile; <see cref="CatalogHit.Id"/> is the organisation id.</summary>
    Organisation,
}

/// <summary>Snake_case keys of the listing types, as used in URLs, facets and files.</summary>
public static class ListingTypeKeys
{
    private static readonly Dictionary<ListingType, string> Keys = new()
    {
        [ListingType.AlgorithmProduct] = "algorithm_product",
        [ListingType.LargeModel] = "large_model",
        [ListingType.Dataset] = "dataset",
        [ListingType.TerminalProduct] = "terminal_product",
        [ListingType.Patent] = "patent",
    };

    /// <summary>The facet value of organisation hits in the <see cref="CatalogFacets.Type"/> facet.</summary>
    public const string Organisation = "organisation";

    /// <summary>The key of a type, e.g. <c>large_model</c>.</summary>
    public static string Key(this ListingType type) => Keys[type];

    /// <summary>Parses a key; null when it names no type.</summary>
    public static ListingType? Parse(string? key) =>
        Keys.FirstOrDefault(pair => string.Equals(pair.Value, key, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : null;
}
