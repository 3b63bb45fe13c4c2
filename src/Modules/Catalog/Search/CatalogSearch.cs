using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Kernel.Localization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using Funeng.Catalog.Search.Glossary;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Search;

/// <summary>
/// Bilingual search over the index with visibility, facets, highlighting, paging and sorting. The text query comes
/// from <see cref="QueryPlan"/> and is scored with BM25; relevance-ordered results show each owner once
/// (its best match, with how many more it has) and organisation profiles after their own listings. A broad query's
/// hits are collected within <see cref="Budgets"/> (see <see cref="BoundedCollector"/>).
/// </summary>
internal sealed class CatalogSearch(CatalogIndex index, IGlossarySource? glossary = null, IOptions<CatalogOptions>? options = null) : ICatalogSearch
{
    /// <summary>
    /// Searches running in this process now, over every instance (a search is scoped to a request; the cores are the
    /// process's): a search runs in parts only on the threads the others leave (<see cref="PartsFor"/>).
    /// </summary>
    private static int _running;

    /// <summary>How many searches are running in this process now.</summary>
    public static int Running => Volatile.Read(ref _running);

    private SearchTuning _tuning = SearchTuning.Default;
    private Similarity _similarity = SearchTuning.Default.Similarity();

    /// <summary>Whether hits say why they matched; the time-split bench turns it off (reasons change no order and cost most of a search).</summary>
    public bool ExplainMatches { get; set; } = true;

    /// <summary>The ranker's weights: the defaults chosen on the training split; the time-split bench sets others to compare.</summary>
    public SearchTuning Tuning
    {
        get => _tuning;
        set => (_tuning, _similarity) = (value, value.Similarity());
    }

    /// <summary>How many hits a search scores and facets at most; the 1 M bench sets <see cref="HitBudgets.Unbounded"/> to compare.</summary>
    public HitBudgets Budgets { get; set; } = options is null ? HitBudgets.Default : new(options.Value.SearchCandidates, options.Value.FacetSample, options.Value.SearchRankAllBelow, options.Value.SearchParallelism);

    /// <summary>The glossary snapshot of this moment, so office changes apply to the next query (benches, built without a host, search the shipped one).</summary>
    private DomainGlossary Glossary => glossary?.Current ?? DomainGlossary.Shipped;

    public Task<CatalogSearchResult> SearchAsync(CatalogSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = Math.Clamp(request.PageSize, 1, CatalogSearchRequest.MaxPageSize);
        var page = (int)Math.Clamp(request.Page, 1L, (CatalogSearchRequest.MaxResultWindow / pageSize) + 1L);
        var filter = index.Filters.For(request.Filters, request.Viewer, () => Filter(request.Filters, request.Viewer));

        Interlocked.Increment(ref _running);
        try
        {
            return Task.FromResult(Search(request, pageSize, page, filter));
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>The parts a search of <paramref name="candidates"/> runs in, less one for each other search running now.</summary>
    private int PartsFor(int candidates) => Budgets.PartsFor(candidates, othersRunning: Math.Max(0, Running - 1));

    private CatalogSearchResult Search(CatalogSearchRequest request, int pageSize, int page, Filter filter) =>
        index.Search(searcher =>
        {
            searcher.Similarity = _similarity;
            var plan = QueryPlan.Build(request.Text, request.TextMatch, index.Analyzer, Glossary, searcher.IndexReader, _tuning);
            if (plan.NothingSearchableIn(request.Text))
            {
                // "the of and" or "---" is not a search without text: listing the whole catalog would answer a question not asked.
                return new CatalogSearchResult(0, page, pageSize, [], new Dictionary<string, IReadOnlyList<FacetCount>>()) { NothingSearchable = true };
            }

            var byScore = request.Sort == CatalogSort.Relevance && !plan.IsEmpty;
            var collapse = byScore && request.CollapseByOwner && request.Filters.OwnerOrganisationId is null;
            var skip = (page - 1) * pageSize;
            var run = Run(searcher, plan, relaxed: false, filter, request, byScore, collapse, skip + pageSize);
            var relaxed = false;
            if (run.Matched == 0 && plan.Relaxable)
            {
                // Nothing has enough of the words together: any one of them is better than an empty page.
                run = Run(searcher, plan, relaxed: true, filter, request, byScore, collapse, skip + pageSize);
                relaxed = true;
            }

            if (byScore && _tuning.FeedbackDocs > 0 && run.Matched > 0)
            {
                // A second pass with the first hits' telling terms as optional clauses: the same documents, reordered.
                var first = run.Top.GetTopDocs(0, _tuning.FeedbackDocs).ScoreDocs;
                plan = plan.WithFeedback(RelevanceFeedback.Terms(searcher, index.Analyzer, plan, first));
                run = Run(searcher, plan, relaxed, filter, request, byScore, collapse, skip + pageSize);
            }

            var highlight = plan.HighlightForms(index.Analyzer);
            int total;
            List<(ScoreDoc Doc, int More)> shown;
            if (collapse)
            {
                var groups = Collapse(searcher, run.Top.GetTopDocs().ScoreDocs);
                total = groups.Count;
                shown = [.. groups.Skip(skip).Take(pageSize)];
            }
            else
            {
                total = run.Matched;
                var docs = skip >= CatalogSearchRequest.MaxResultWindow ? [] : run.Top.GetTopDocs(skip, pageSize).ScoreDocs;
                shown = [.. docs.Select(d => (d, 0))];
            }

            var reasons = ExplainMatches ? new MatchReasons(index.Analyzer, searcher, plan, shown.Select(s => s.Doc.Doc)) : null;
            List<CatalogHit> hits = [.. shown.Select(s => ToHit(searcher, s.Doc.Doc, s.Doc.Score, highlight, reasons) with { MoreFromOwner = s.More })];
            return new CatalogSearchResult(total, page, pageSize, hits, run.Facets?.Result() ?? new Dictionary<string, IReadOnlyList<FacetCount>>())
            {
                Matched = run.Matched,
                Relaxed = relaxed,
                Unfound = plan.Unfound,
                // Collapsing groups only the result window's hits, so past it the owners counted are a lower bound too.
                TotalCapped = run.Narrowed || (collapse && run.Matched > CatalogSearchRequest.MaxResultWindow),
                FacetsApproximate = run.FacetsApproximate,
            };
        });

    /// <summary>
    /// Which of <paramref name="listingIds"/> <paramref name="request"/> finds for its viewer (for saved-search
    /// alerts): the same query and filters as a search, narrowed to those listings.
    /// </summary>
    public IReadOnlySet<Guid> Matching(CatalogSearchRequest request, IReadOnlyCollection<Guid> listingIds)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(listingIds);
        var found = new HashSet<Guid>();
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
                searcher.Similarity = _similarity;
                var plan = QueryPlan.Build(request.Text, request.TextMatch, index.Analyzer, Glossary, searcher.IndexReader, _tuning);
                if (plan.NothingSearchableIn(request.Text))
                {
                    return found;
                }

                var top = searcher.Search(plan.ToQuery(), new QueryWrapperFilter(filter), chunk.Length * 2);
                foreach (var hit in top.ScoreDocs)
                {
                    found.Add(Guid.Parse(searcher.Doc(hit.Doc).Get(IndexFields.Id, CultureInfo.InvariantCulture)));
                }

                return found;
            });
        }

        return found;
    }

    /// <summary>
    /// One search's collected hits. <see cref="Matched"/> counts the documents found; when <see cref="Narrowed"/>, it
    /// counts those of the first pass (which holds every document the full query finds) and the full query ranked only
    /// the first pass's best.
    /// </summary>
    private sealed record SearchRun(ITopDocsCollector Top, FacetCollector? Facets, int Matched, bool Narrowed, bool FacetsApproximate);

    private SearchRun Run(IndexSearcher searcher, QueryPlan plan, bool relaxed, Filter filter, CatalogSearchRequest request, bool byScore, bool collapse, int wanted)
    {
        // Collapsing needs every candidate of the result window to group; plain paging only the pages up to this one.
        var size = Math.Max(1, collapse ? CatalogSearchRequest.MaxResultWindow : Math.Min(wanted, CatalogSearchRequest.MaxResultWindow));
        var documents = searcher.IndexReader.MaxDoc;
        var candidates = Budgets.CandidatesFor(wanted, request.TextMatch);
        if (byScore && searcher.IndexReader.NumDocs >= Budgets.RankAllBelow && candidates < searcher.IndexReader.NumDocs)
        {
            // A broad query at a million listings would score every hit with dozens of phrase clauses. The first pass
            // scores them in bulk by each form's rarest term and the typed words' terms (QueryPlan.ToCandidateQuery;
            // facets sampled on the way); when more match than the budget, the full query ranks only its best.
            var sampledFacets = request.WithFacets ? new FacetCollector(CatalogFacets.All) : null;
            var first = FirstPassOf(searcher, plan.ToCandidateQuery(index.Analyzer, searcher.IndexReader, relaxed), filter, candidates, sampledFacets);
            if (first.Hits > candidates)
            {
                var best = TopScoreDocCollector.Create(size, docsScoredInOrder: true);
                CandidateReader.Search(searcher, plan.ToQuery(relaxed), first.Best, best, parts: PartsFor(first.Best.Count));
                if (best.TotalHits > 0)
                {
                    return new SearchRun(best, sampledFacets, first.Hits, Narrowed: true, FacetsApproximate: request.WithFacets);
                }

                // None of the candidates holds the whole query (its every term is common, its whole rare): rank every
                // hit rather than show an empty page that says "more than 0".
            }
        }

        ITopDocsCollector top = byScore
            ? TopScoreDocCollector.Create(size, true)
            : TopFieldCollector.Create(SortFor(request.Sort), size, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = request.WithFacets ? new FacetCollector(CatalogFacets.All) : null;
        var collector = new BoundedCollector(top, facets, Budgets, documents);
        if (plan.IsEmpty)
        {
            // Without text, walk the filter's documents rather than every document checked against the filter.
            searcher.Search(new ConstantScoreQuery(filter), collector);
        }
        else
        {
            searcher.Search(FilterCache.Within(plan.ToQuery(relaxed), filter), collector);
        }

        collector.Finish();
        return new SearchRun(top, facets, top.TotalHits, Narrowed: false, collector.FacetsApproximate);
    }

    /// <summary>
    /// The first pass's best <paramref name="candidates"/> and its hits (see <see cref="FirstPass"/>); as Lucene scores a
    /// query in bulk when the query or filter is not one <see cref="FirstPass"/> reads.
    /// </summary>
    private FirstPass.Result FirstPassOf(IndexSearcher searcher, Query query, Filter filter, int candidates, FacetCollector? facets)
    {
        if (FirstPass.Run(searcher, query, filter, candidates, facets, Budgets, PartsFor(candidates)) is { } pass)
        {
            return pass;
        }

        var first = TopScoreDocCollector.Create(candidates, docsScoredInOrder: false);
        var sampled = new BoundedCollector(first, facets, Budgets, searcher.IndexReader.MaxDoc);
        searcher.Search(FilterCache.Within(query, filter), sampled);
        sampled.Finish();
        return new FirstPass.Result([.. first.GetTopDocs().ScoreDocs.Select(d => d.Doc)], first.TotalHits, Estimated: false);
    }

    /// <summary>Groups score-ordered hits by owner: the owner's best listing (its profile only when no listing matched) stands for the group.</summary>
    private List<(ScoreDoc Best, int More)> Collapse(IndexSearcher searcher, ScoreDoc[] docs)
    {
        var leaves = searcher.IndexReader.Leaves;
        // A page's collapse reads a thousand hits: each segment's owner and kind columns are looked up once, and the
        // hits grouped by their owner's ordinal in their segment; owners are named only to join segments' groups.
        var segments = new SegmentOwners?[leaves.Count];
        var groups = new Dictionary<long, Group>();
        var order = new List<long>();
        foreach (var doc in docs)
        {
            var s = ReaderUtil.SubIndex(doc.Doc, leaves);
            var segment = segments[s] ??= new SegmentOwners(leaves[s].AtomicReader);
            var local = doc.Doc - leaves[s].DocBase;
            var key = ((long)s << 32) | (uint)segment.OwnerOrdinal(local);
            var rank = segment.IsProfile(local) ? doc.Score * _tuning.ProfileWeight : doc.Score;
            if (groups.TryGetValue(key, out var group))
            {
                groups[key] = group.With(doc, rank, 1);
            }
            else
            {
                groups[key] = new Group(doc, rank, 1);
                order.Add(key);
            }
        }

        var collapsed = order.Select(k => groups[k]);
        if (segments.Count(s => s is not null) > 1)
        {
            var byOwner = new Dictionary<string, Group>(StringComparer.Ordinal);
            foreach (var key in order)
            {
                var owner = segments[(int)(key >> 32)]!.Owner((int)key);
                byOwner[owner] = byOwner.TryGetValue(owner, out var joined) ? joined.With(groups[key].Best, groups[key].Rank, groups[key].Count) : groups[key];
            }

            collapsed = byOwner.Values;
        }

        return [.. collapsed.OrderByDescending(g => g.Rank).Select(g => (g.Best, g.Count - 1))];
    }

    /// <summary>An owner's hits: the best of them by rank, and how many.</summary>
    private readonly record struct Group(ScoreDoc Best, float Rank, int Count)
    {
        public Group With(ScoreDoc doc, float rank, int count) => rank > Rank ? new(doc, rank, Count + count) : this with { Count = Count + count };
    }

    /// <summary>A segment's owner of each document (by ordinal, and named), and whether it is an organisation's profile.</summary>
    private sealed class SegmentOwners
    {
        private readonly SortedDocValues _owners;
        private readonly SortedDocValues _kinds;
        private readonly int _profileKind;

        public SegmentOwners(AtomicReader segment)
        {
            _owners = FieldCache.DEFAULT.GetTermsIndex(segment, IndexFields.Owner);
            _kinds = FieldCache.DEFAULT.GetTermsIndex(segment, IndexFields.Kind);
            // Negative when the segment holds no profile: no document's ordinal matches it.
            _profileKind = _kinds.LookupTerm(new BytesRef(nameof(CatalogHitKind.Organisation)));
        }

        public bool IsProfile(int doc) => _profileKind >= 0 && _kinds.GetOrd(doc) == _profileKind;

        /// <summary>The document's owner's ordinal in the segment; −1 for none.</summary>
        public int OwnerOrdinal(int doc) => _owners.GetOrd(doc);

        /// <summary>The owner of <paramref name="ordinal"/> (empty for −1).</summary>
        public string Owner(int ordinal)
        {
            var bytes = new BytesRef();
            if (ordinal >= 0)
            {
                _owners.LookupOrd(ordinal, bytes);
            }

            return bytes.Utf8ToString();
        }
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

    /// <summary>Title order, or newest first; listings changed at the same moment (one import) most complete first.</summary>
    private static Sort SortFor(CatalogSort sort) => sort == CatalogSort.Title
        ? new Sort(new SortField(IndexFields.TitleSort, SortFieldType.STRING))
        : new Sort(new SortField(IndexFields.Updated, SortFieldType.INT64, true), new SortField(IndexFields.Completeness, SortFieldType.INT64, true));

    private CatalogHit ToHit(IndexSearcher searcher, int docId, float score, IReadOnlyList<IReadOnlyList<string>> forms, MatchReasons? reasons)
    {
        var doc = searcher.Doc(docId);
        var titleZh = doc.Get(IndexFields.TitleZh, CultureInfo.InvariantCulture) ?? "";
        // The snippet is from the summary in the reader's language, or from the other one when only it holds what was
        // searched for; the title (shown above it anyway) only when there is no summary.
        var summaryEn = doc.Get(IndexFields.SummaryEn, CultureInfo.InvariantCulture);
        var summaryZh = doc.Get(IndexFields.Summary, CultureInfo.InvariantCulture);
        var titleEn = doc.Get(IndexFields.TitleEn, CultureInfo.InvariantCulture) ?? "";
        string?[] snippetSources = string.IsNullOrWhiteSpace(summaryZh) && string.IsNullOrWhiteSpace(summaryEn) ? [titleZh]
            : UiCultures.IsEnglishNow ? [summaryEn, summaryZh] : [summaryZh, summaryEn];
        var sectors = doc.Get(IndexFields.SectorsStored, CultureInfo.InvariantCulture) ?? "";
        return new CatalogHit(
            Enum.Parse<CatalogHitKind>(doc.Get(IndexFields.Kind, CultureInfo.InvariantCulture)),
            Guid.Parse(doc.Get(IndexFields.Id, CultureInfo.InvariantCulture)),
            ListingTypeKeys.Parse(doc.Get(IndexFields.TypeStored, CultureInfo.InvariantCulture)),
            Enum.Parse<ListingStatus>(doc.Get(IndexFields.Status, CultureInfo.InvariantCulture)),
            titleZh,
            titleEn,
            Guid.Parse(doc.Get(IndexFields.Owner, CultureInfo.InvariantCulture)),
            doc.Get(IndexFields.OwnerName, CultureInfo.InvariantCulture) ?? "",
            doc.Get(IndexFields.CityStored, CultureInfo.InvariantCulture),
            sectors.Split(';', StringSplitOptions.RemoveEmptyEntries),
            float.IsNaN(score) ? 0f : score,
            Snippets.Highlight(index.Analyzer, snippetSources, forms))
        {
            OwnerNameEn = doc.Get(IndexFields.OwnerNameEn, CultureInfo.InvariantCulture) ?? "",
            // Both summaries: on the English page a listing found by its Chinese summary was said to match in "other fields".
            Reasons = reasons is null ? [] : reasons.Explain(docId, titleZh, titleEn, summaryZh + "\n" + summaryEn),
        };
    }
}
