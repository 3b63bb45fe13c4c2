using System.Globalization;
using Funeng.Catalog.Contracts;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>Bilingual search over the index with visibility, facets, highlighting, paging and sorting.</summary>
internal sealed class CatalogSearch(CatalogIndex index) : ICatalogSearch
{
    public Task<CatalogSearchResult> SearchAsync(CatalogSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, CatalogSearchRequest.MaxPageSize);
        var terms = Terms(request);
        var filter = index.Filters.For(request.Filters, request.Viewer, () => Filter(request.Filters, request.Viewer));
        var termSet = terms.ToHashSet(StringComparer.Ordinal);

        var result = index.Search(searcher =>
        {
            var query = Query(request, terms, searcher.IndexReader);
            var wanted = page * pageSize;
            ITopDocsCollector top = request.Sort == CatalogSort.Relevance && terms.Count > 0
                ? TopScoreDocCollector.Create(wanted, true)
                : TopFieldCollector.Create(SortFor(request.Sort), wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCollector(CatalogFacets.All);
            var collector = request.WithFacets ? MultiCollector.Wrap((ICollector)top, facets) : top;
            if (terms.Count == 0)
            {
                // Without text, walk the filter's documents rather than every document checked against the filter.
                searcher.Search(new ConstantScoreQuery(filter), collector);
            }
            else
            {
                searcher.Search(query, filter, collector);
            }

            // Only the page's hits are loaded and highlighted.
            var docs = top.GetTopDocs((page - 1) * pageSize, pageSize);
            var hits = docs.ScoreDocs.Select(d => ToHit(searcher.Doc(d.Doc), d.Score, termSet)).ToList();
            return new CatalogSearchResult(top.TotalHits, page, pageSize, hits, request.WithFacets ? facets.Result() : new Dictionary<string, IReadOnlyList<FacetCount>>());
        });
        return Task.FromResult(result);
    }

    /// <summary>
    /// Which of <paramref name="listingIds"/> <paramref name="request"/> finds for its viewer (for saved-search
    /// alerts): the same query and filters as a search, narrowed to those listings.
    /// </summary>
    public IReadOnlySet<Guid> Matching(CatalogSearchRequest request, IReadOnlyCollection<Guid> listingIds)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listingIds);
        var found = new HashSet<Guid>();
        var terms = Terms(request);
        foreach (var chunk in listingIds.Chunk(500))
        {
            var filter = Filter(request.Filters, request.Viewer);
            var ids = new BooleanQuery();
            foreach (var id in chunk)
            {
                ids.Add(new TermQuery(new Term(IndexFields.Id, id.ToString())), Occur.SHOULD);
            }

            filter.Add(ids, Occur.MUST);
            filter.Add(new TermQuery(new Term(IndexFields.Kind, nameof(CatalogHitKind.Listing))), Occur.MUST);
            index.Search(searcher =>
            {
                var top = searcher.Search(Query(request, terms, searcher.IndexReader), new QueryWrapperFilter(filter), chunk.Length * 2);
                foreach (var hit in top.ScoreDocs)
                {
                    found.Add(Guid.Parse(searcher.Doc(hit.Doc).Get(IndexFields.Id, CultureInfo.InvariantCulture)));
                }

                return found;
            });
        }

        return found;
    }

    private List<string> Terms(CatalogSearchRequest request)
    {
        var text = request.Text?.Trim() ?? "";
        return text.Length == 0 ? [] : BilingualAnalyzer.Terms(index.Analyzer, IndexFields.All, text);
    }

    /// <summary>The text query for <paramref name="terms"/>; any-term queries need the reader to leave out common terms.</summary>
    private Query Query(CatalogSearchRequest request, List<string> terms, IndexReader reader) =>
        terms.Count == 0 ? new MatchAllDocsQuery()
        : request.TextMatch == CatalogTextMatch.AnyTerm ? AnyTermQuery(reader, terms)
        : TextQuery(request.Text!.Trim(), terms);

    /// <summary>
    /// Most query terms must occur somewhere in the document (all of them for one or two terms; 70 % for more, as
    /// CJK bigrams spanning two words, such as 能客 in 智能客服, need not occur); title matches rank higher.
    /// </summary>
    private BooleanQuery TextQuery(string text, List<string> terms)
    {
        // When every term is needed, plain MUST clauses let Lucene leapfrog a conjunction instead of counting matches.
        var required = terms.Count <= 2 ? terms.Count : (int)Math.Ceiling(terms.Count * 0.7);
        var all = required == terms.Count;
        var must = new BooleanQuery { MinimumNumberShouldMatch = all ? 0 : required };
        foreach (var term in terms)
        {
            must.Add(new TermQuery(new Term(IndexFields.All, term)), all ? Occur.MUST : Occur.SHOULD);
        }

        var query = new BooleanQuery { { must, Occur.MUST } };
        foreach (var field in new[] { IndexFields.TitleZh, IndexFields.TitleEn })
        {
            foreach (var term in BilingualAnalyzer.Terms(index.Analyzer, field, text))
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = 3f }, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>
    /// Any term may match, but terms in more than a tenth of the documents (根据, 用户, 生成 occur in almost every filing)
    /// are left out: they tell no documents apart and would make a long query visit the whole index. No title boost:
    /// a long text's words in a short title are mostly chance (measured in bench/Scenarios.Bench).
    /// </summary>
    private static BooleanQuery AnyTermQuery(IndexReader reader, List<string> terms)
    {
        var limit = Math.Max(1, reader.MaxDoc / 10);
        var query = new BooleanQuery();
        foreach (var term in terms.Select(t => new Term(IndexFields.All, t)).Where(t => reader.DocFreq(t) <= limit))
        {
            query.Add(new TermQuery(term), Occur.SHOULD);
        }

        return query;
    }

    private static BooleanQuery Filter(CatalogFilters filters, CatalogViewer viewer)
    {
        var filter = new BooleanQuery { { Visibility(viewer), Occur.MUST } };
        AnyOf(filter, CatalogFacets.Type, filters.Types);
        AnyOf(filter, CatalogFacets.Sector, filters.Sectors);
        AnyOf(filter, CatalogFacets.City, filters.Cities);
        AnyOf(filter, CatalogFacets.Qualification, filters.Qualifications);
        AnyOf(filter, CatalogFacets.Licence, filters.Licences);
        AnyOf(filter, CatalogFacets.AccessLevel, filters.AccessLevels);
        if (filters.OwnerOrganisationId is { } owner)
        {
            filter.Add(new TermQuery(new Term(IndexFields.Owner, owner.ToString())), Occur.MUST);
        }

        if (filters.Status is { } status)
        {
            filter.Add(new TermQuery(new Term(IndexFields.Status, status.ToString())), Occur.MUST);
        }

        return filter;
    }

    /// <summary>The public sees published versions; the office every listing's latest state; members of an organisation both, for their own.</summary>
    private static Query Visibility(CatalogViewer viewer)
    {
        var published = new TermQuery(new Term(IndexFields.Role, IndexFields.RolePublished));
        var current = new TermQuery(new Term(IndexFields.Current, "1"));
        if (viewer.IsOffice)
        {
            return current;
        }

        if (viewer.OrganisationId is not { } organisation)
        {
            return published;
        }

        var owner = new TermQuery(new Term(IndexFields.Owner, organisation.ToString()));
        return new BooleanQuery
        {
            { new BooleanQuery { { published, Occur.MUST }, { owner, Occur.MUST_NOT } }, Occur.SHOULD },
            { new BooleanQuery { { owner, Occur.MUST }, { current, Occur.MUST } }, Occur.SHOULD },
        };
    }

    private static void AnyOf(BooleanQuery filter, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        filter.Add(any, Occur.MUST);
    }

    private static Sort SortFor(CatalogSort sort) => sort == CatalogSort.Title
        ? new Sort(new SortField(IndexFields.TitleSort, SortFieldType.STRING))
        : new Sort(new SortField(IndexFields.Updated, SortFieldType.INT64, true));

    private CatalogHit ToHit(Document doc, float score, IReadOnlySet<string> terms)
    {
        var titleZh = doc.Get(IndexFields.TitleZh, CultureInfo.InvariantCulture) ?? "";
        var summary = doc.Get(IndexFields.Summary, CultureInfo.InvariantCulture);
        var snippetSource = string.IsNullOrWhiteSpace(summary) ? titleZh : summary;
        var sectors = doc.Get(IndexFields.SectorsStored, CultureInfo.InvariantCulture) ?? "";
        return new CatalogHit(
            Enum.Parse<CatalogHitKind>(doc.Get(IndexFields.Kind, CultureInfo.InvariantCulture)),
            Guid.Parse(doc.Get(IndexFields.Id, CultureInfo.InvariantCulture)),
            ListingTypeKeys.Parse(doc.Get(IndexFields.TypeStored, CultureInfo.InvariantCulture)),
            Enum.Parse<ListingStatus>(doc.Get(IndexFields.Status, CultureInfo.InvariantCulture)),
            titleZh,
            doc.Get(IndexFields.TitleEn, CultureInfo.InvariantCulture) ?? "",
            Guid.Parse(doc.Get(IndexFields.Owner, CultureInfo.InvariantCulture)),
            doc.Get(IndexFields.OwnerName, CultureInfo.InvariantCulture) ?? "",
            doc.Get(IndexFields.CityStored, CultureInfo.InvariantCulture),
            sectors.Split(';', StringSplitOptions.RemoveEmptyEntries),
            float.IsNaN(score) ? 0f : score,
            Snippets.Highlight(index.Analyzer, snippetSource, terms));
    }
}
