using System.Globalization;
using System.Text.RegularExpressions;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search.Glossary;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>What a suggestion is: a listing's title, an organisation's name or a glossary term.</summary>
internal enum SuggestionKind
{
    Title,
    Organisation,
    Glossary,
}

/// <summary>One suggestion: the text to search for, and the same thing's name in the other language when there is one.</summary>
internal sealed record Suggestion(string Text, SuggestionKind Kind, string? Other);

/// <summary>
/// Search-as-you-type: glossary terms, published listing titles and organisation names that contain what was typed
/// so far, those starting with it first, shortest first. Titles come from the index (a bounded candidate set of
/// <see cref="Candidates"/> documents, then checked against the stored title), so it stays fast at a million
/// listings and follows the index without a list of its own.
/// </summary>
internal sealed partial class CatalogSuggestions(CatalogIndex index, IGlossarySource glossary)
{
    public const int DefaultLimit = 8;
    public const int MaxLimit = 20;
    public const int MaxTextLength = 100;

    /// <summary>How many matching documents are looked at to pick the best titles.</summary>
    private const int Candidates = 200;

    /// <summary>Stemming keeps at least the first four letters of nearly every English word, so a prefix this long still meets the stemmed index terms.</summary>
    private const int LatinPrefix = 4;

    public IReadOnlyList<Suggestion> Suggest(string? text, int limit = DefaultLimit)
    {
        // Traditional characters as the search reads them (語音 → 语音).
        var typed = DomainGlossary.Normalise(glossary.Current.Simplified((text ?? "").Trim()));
        if (typed.Length > MaxTextLength || !(typed.Any(GlossaryRules.IsHan) || typed.Count(char.IsLetterOrDigit) >= 2))
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, MaxLimit);
        var terms = Terms(typed).Take(Math.Max(1, limit / 3)).ToList();
        var titles = Titles(typed).Take(limit);
        return [.. terms.Concat(titles).DistinctBy(s => DomainGlossary.Normalise(s.Text)).Take(limit)];
    }

    /// <summary>Glossary names starting with (then containing) the typed text, each with a name of the other language.</summary>
    private IEnumerable<Suggestion> Terms(string typed) =>
        glossary.Current.Entries
            .SelectMany(e => e.Zh.Select(n => (Name: n, Other: First(e.En))).Concat(e.En.Select(n => (Name: n, Other: First(e.Zh)))))
            .Select(t => (t.Name, t.Other, Rank: Rank(DomainGlossary.Normalise(t.Name), typed)))
            .Where(t => t.Rank >= 0)
            .OrderBy(t => t.Rank).ThenBy(t => t.Name.Length).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new Suggestion(t.Name, SuggestionKind.Glossary, t.Other));

    private List<Suggestion> Titles(string typed)
    {
        if (TextQuery(typed) is not { } text)
        {
            return [];
        }

        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.Role, IndexFields.RolePublished)), Occur.MUST },
            { text, Occur.MUST },
        };
        return index.Search(searcher =>
        {
            var found = new List<(Suggestion Suggestion, int Rank)>();
            foreach (var hit in searcher.Search(query, Candidates).ScoreDocs)
            {
                var doc = searcher.Doc(hit.Doc);
                var zh = doc.Get(IndexFields.TitleZh, CultureInfo.InvariantCulture) ?? "";
                var en = doc.Get(IndexFields.TitleEn, CultureInfo.InvariantCulture) ?? "";
                var kind = doc.Get(IndexFields.Kind, CultureInfo.InvariantCulture) == nameof(CatalogHitKind.Organisation) ? SuggestionKind.Organisation : SuggestionKind.Title;
                // A title written in traditional characters is read in simplified ones, as the typed text is.
                var (zhRank, enRank) = (Rank(DomainGlossary.Normalise(IndexedText.Of(zh)), typed), Rank(DomainGlossary.Normalise(en), typed));
                if (zhRank >= 0 && (enRank < 0 || zhRank <= enRank))
                {
                    found.Add((new Suggestion(zh, kind, Different(en, zh)), zhRank));
                }
                else if (enRank >= 0)
                {
                    found.Add((new Suggestion(en, kind, Different(zh, en)), enRank));
                }
            }

            return found.OrderBy(f => f.Rank).ThenBy(f => f.Suggestion.Text.Length).ThenBy(f => f.Suggestion.Text, StringComparer.Ordinal)
                .Select(f => f.Suggestion).ToList();
        });
    }

    /// <summary>
    /// A loose query for titles that may contain the typed text: every Chinese bigram of it in the Chinese title (a
    /// lone character as a prefix of the bigrams), every English word's first letters in either title.
    /// </summary>
    private static BooleanQuery? TextQuery(string typed)
    {
        var zh = new BooleanQuery();
        var en = new BooleanQuery();
        var hasHan = false;
        foreach (Match part in Parts().Matches(typed))
        {
            var value = part.Value;
            if (GlossaryRules.IsHan(value[0]))
            {
                hasHan = true;
                if (value.Length == 1)
                {
                    zh.Add(new PrefixQuery(new Term(IndexFields.TitleZh, value)), Occur.MUST);
                }

                for (var i = 0; i + 1 < value.Length; i++)
                {
                    zh.Add(new TermQuery(new Term(IndexFields.TitleZh, value.Substring(i, 2))), Occur.MUST);
                }
            }
            else if (!EnglishAnalyzer.DefaultStopSet.Contains(value))
            {
                var prefix = value.Length > LatinPrefix ? value[..LatinPrefix] : value;
                zh.Add(new PrefixQuery(new Term(IndexFields.TitleZh, prefix)), Occur.MUST);
                en.Add(new PrefixQuery(new Term(IndexFields.TitleEn, prefix)), Occur.MUST);
            }
        }

        var either = new BooleanQuery();
        if (zh.Clauses.Count > 0)
        {
            either.Add(zh, Occur.SHOULD);
        }

        // English titles are not cut into bigrams, so Chinese text can only match the Chinese title.
        if (!hasHan && en.Clauses.Count > 0)
        {
            either.Add(en, Occur.SHOULD);
        }

        return either.Clauses.Count > 0 ? either : null;
    }

    /// <summary>0 when <paramref name="name"/> starts with <paramref name="typed"/>, 1 when it contains it, -1 otherwise.</summary>
    private static int Rank(string name, string typed) =>
        name.StartsWith(typed, StringComparison.Ordinal) ? 0 : typed.Length >= 2 && name.Contains(typed, StringComparison.Ordinal) ? 1 : -1;

    private static string? First(IReadOnlyList<string> names) => names.Count > 0 ? names[0] : null;

    private static string? Different(string other, string text) =>
        string.IsNullOrWhiteSpace(other) || string.Equals(other, text, StringComparison.OrdinalIgnoreCase) ? null : other;

    /// <summary>Runs of Chinese characters, and Latin words or numbers.</summary>
    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{Nd}-[\u3400-\u9fff\uf900-\ufaff]]+")]
    private static partial Regex Parts();
}
