using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.SavedSearches;

/// <summary>
/// What a saved search may hold: pure rules over plain values, tested without a host; every problem names its field
/// (<c>name</c>, <c>text</c>, <c>filters</c>, <c>filters.types</c>) and a <c>strings.json</c> message.
/// </summary>
internal static class SavedSearchRules
{
    /// <summary>
    /// Filter values a saved search may hold, over all facets: every value is a clause of the query the matching
    /// worker runs on each publication (issue 15: 1,300 values broke every publish with TooManyClausesException).
    /// </summary>
    public const int MaxFilterValues = 50;

    public const int MaxFilterValueLength = 100;

    /// <summary>
    /// The problems of a search to save as <paramref name="name"/> with <paramref name="text"/> and the (tidied)
    /// <paramref name="filters"/>, by a user who already keeps <paramref name="kept"/>; empty when it can be saved.
    /// </summary>
    public static List<FieldProblem> Problems(string name, string text, CatalogFilters filters, int kept)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(filters);
        var problems = new List<FieldProblem>();
        void Add(string field, string key, params object?[] arguments) => problems.Add(FieldProblem.Of(field, "catalog.problem.saved-" + key, arguments));
        if (name.Length > SavedSearchRecord.MaxNameLength)
        {
            Add("name", "name-length", SavedSearchRecord.MaxNameLength);
        }

        if (text.Length > SavedSearchRecord.MaxTextLength)
        {
            Add("text", "text-length", SavedSearchRecord.MaxTextLength);
        }

        var values = SavedSearchQuery.Values(filters).SelectMany(f => f.Values.Select(v => (f.Facet, Value: v))).ToList();
        if (values.Count > MaxFilterValues)
        {
            Add("filters", "filter-count", MaxFilterValues, values.Count);
        }
        else if (values.FirstOrDefault(v => v.Value.Length > MaxFilterValueLength) is { Facet: not null } overlong)
        {
            Add("filters", "filter-length", MaxFilterValueLength, ProblemMessage.Of("catalog.facet." + overlong.Facet));
        }

        if (filters.Types.FirstOrDefault(t => t != ListingTypeKeys.Organisation && ListingTypeKeys.Parse(t) is null) is { } badType)
        {
            Add("filters.types", "type-unknown", badType);
        }

        if (kept >= SavedSearchRecord.MaxPerUser)
        {
            Add("name", "too-many", SavedSearchRecord.MaxPerUser);
        }

        return problems;
    }
}
