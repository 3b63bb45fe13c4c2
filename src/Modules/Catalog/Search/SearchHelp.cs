using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search.Glossary;
using Funeng.Catalog.Search.Suggestions;

namespace Funeng.Catalog.Search;

/// <summary>
/// Help for a search with few or no hits: "did you mean" (the query with misspelt words corrected, offered only when
/// it finds more) and "try these words" (the other names of the query's glossary concepts). The one code path of
/// the catalog page and <c>GET /api/v1/catalog/search</c>, so both offer the same.
/// </summary>
internal sealed class SearchHelp(ICatalogSearch search, IGlossarySource glossary)
{
    /// <summary>Below this many hits a search is offered other words and a corrected query.</summary>
    public const int FewHits = 5;

    private const int MaxTryWords = 8;

    /// <summary><paramref name="result"/> with <see cref="CatalogSearchResult.DidYouMean"/> and <see cref="CatalogSearchResult.TryWords"/> filled in when it has few hits.</summary>
    public async Task<CatalogSearchResult> AddAsync(CatalogSearchRequest request, CatalogSearchResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Total >= FewHits || string.IsNullOrWhiteSpace(request.Text))
        {
            return result;
        }

        var current = glossary.Current;
        string? corrected = null;
        if (Spelling.Correct(request.Text, current.Entries.SelectMany(e => e.All)) is { } candidate)
        {
            var found = await search.SearchAsync(request with { Text = candidate, Page = 1, WithFacets = false }, cancellationToken);
            corrected = found.Total > result.Total ? candidate : null;
        }

        return result with { DidYouMean = corrected, TryWords = TryWords(request.Text, current) };
    }

    /// <summary>The other names (synonyms, translations) of the glossary concepts in <paramref name="text"/> that it does not already contain.</summary>
    public static IReadOnlyList<string> TryWords(string text, DomainGlossary glossary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(glossary);
        return [.. glossary.Find(text).SelectMany(m => m.Entry.All)
            .Where(n => !text.Contains(n, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTryWords)];
    }
}
