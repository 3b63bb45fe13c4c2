using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search.Glossary;
using Funeng.Catalog.Search.Suggestions;

namespace Funeng.Catalog.Search;

/// <summary>
/// Help for a search with few or no hits: "did you mean" (the query with misspelt words corrected) and "try these
/// words" (the names inside the query's glossary names, and another name of each of its concepts), each offered
/// only when it finds more than the search did. Before, a concept's other names were offered unchecked, though the
/// search had looked for them already: a page with nothing on it offered eight words that found nothing either. The
/// one code path of the catalog page and <c>GET /api/v1/catalog/search</c>, so both offer the same.
/// </summary>
internal sealed class SearchHelp(ICatalogSearch search, IGlossarySource glossary)
{
    /// <summary>Below this many hits a search is offered other words and a corrected query.</summary>
    public const int FewHits = 5;

    /// <summary>At most this many words are searched, and offered when they find more (a few-hit page's added cost).</summary>
    private const int MaxWordsTried = 8;

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
        if (Spelling.Correct(request.Text, current.Entries.SelectMany(e => e.All)) is { } candidate && await FindsMoreAsync(candidate))
        {
            corrected = candidate;
        }

        // A word counts by the listings that hold it (in any of its names), not by those its loose bigrams let in: 病虫害识别
        // "found" speech recognition services through 识别.
        var words = new List<string>();
        var holding = request.TextMatch == CatalogTextMatch.Phrase ? CatalogTextMatch.Phrase : CatalogTextMatch.AllTerms;
        foreach (var word in Candidates(request.Text, current).Take(MaxWordsTried))
        {
            if (await FindsMoreAsync(word, holding))
            {
                words.Add(word);
            }
        }

        return result with { DidYouMean = corrected, TryWords = words };

        // Only the total counts: one hit, no facets, so a check reads one stored document and cuts one snippet.
        async Task<bool> FindsMoreAsync(string text, CatalogTextMatch? match = null) =>
            (await search.SearchAsync(request with { Text = text, TextMatch = match ?? request.TextMatch, Page = 1, PageSize = 1, WithFacets = false }, cancellationToken)).Total > result.Total;
    }

    /// <summary>
    /// The words worth trying for <paramref name="text"/>, for each glossary concept in it: the Chinese names inside what
    /// was typed (翻译 of 实时翻译), which find listings of their own, and one other name of the concept in each language,
    /// the typed name's first: no more, as the search looked for all of a concept's names already, so that each finds
    /// what the others do (a quoted phrase, searched exactly, is where another name finds more).
    /// </summary>
    public static IEnumerable<string> Candidates(string text, DomainGlossary glossary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(glossary);
        var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var match in glossary.Find(text).DistinctBy(m => m.Entry))
        {
            var chinese = match.Surface.Any(GlossaryRules.IsHan);
            var others = match.Entry.All.Where(n => !text.Contains(n, StringComparison.OrdinalIgnoreCase))
                .GroupBy(n => n.Any(GlossaryRules.IsHan)).OrderBy(g => g.Key != chinese).Select(g => g.First());
            foreach (var word in glossary.NamesInside(match.Surface).Concat(others).Where(offered.Add))
            {
                yield return word;
            }
        }
    }
}
