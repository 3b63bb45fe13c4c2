using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Search;
using Funeng.Kernel.Database;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// Issue 12, item 5: a broad query is not ranked by the full query and faceted over every hit. The budgets are set
/// small so that a few hundred listings in one segment of a real index stand for the 1 M catalog's hundreds of
/// thousands of hits.
/// </summary>
public sealed class HitBudgetTests : IDisposable
{
    private const int Broad = 300;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funeng-budgets-" + Guid.NewGuid().ToString("N"));
    private readonly CatalogIndex _index;
    private readonly CatalogSearch _search;

    public HitBudgetTests()
    {
        _index = new CatalogIndex(Options.Create(new CatalogOptions { IndexDirectory = _folder }),
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "unused.db")}"));
        _search = new CatalogSearch(_index) { Budgets = new HitBudgets(Candidates: 50, FacetSample: 40, RankAllBelow: 0) };
        // Every third broad listing is in Shenzhen, the rest in Guangzhou; twelve narrow ones in Zhuhai.
        for (var i = 0; i < Broad; i++)
        {
            Add($"第{i}号设备巡检算法", "巡检机房设备并报告异常", i % 3 == 0 ? "shenzhen" : "guangzhou");
        }

        for (var i = 0; i < 12; i++)
        {
            Add($"第{i}号蚝田水质浮标", "监测蚝田水质", "zhuhai");
        }

        _index.Commit();
    }

    [Fact]
    public async Task A_broad_query_over_more_hits_than_the_budget_ranks_its_first_pass_best_with_an_estimated_total_and_approximate_facets()
    {
        var result = await SearchAsync("巡检");

        Assert.True(result.TotalCapped);
        // The first pass counted its first 50 hits (the 40 of the facet sample, then until it held 50 candidates), in
        // the first 50 of the 312 documents, and estimated the rest from them: 312, where 300 match.
        Assert.InRange(result.Matched, Broad * 0.8, Broad * 1.2);
        Assert.True(result.FacetsApproximate);
        // The first pass counted facets for 40 of its 300 hits and scaled them up: about 300, a third in Shenzhen.
        var cities = result.Facets[CatalogFacets.City].ToDictionary(c => c.Value, c => c.Count);
        Assert.InRange(cities["guangzhou"] + cities["shenzhen"], 240, 360);
        Assert.InRange(cities["shenzhen"], 80, 120);
        Assert.DoesNotContain("zhuhai", cities.Keys);
        Assert.Equal(20, result.Hits.Count);
    }

    [Fact]
    public async Task The_full_query_decides_among_the_first_pass_candidates_so_a_quoted_phrase_stays_exact()
    {
        // The first pass finds the 60 listings with the phrase's rarest term (机器 or 器人; 巡检 and 检机, from 巡检机房,
        // are in 305, and a listing with the phrase holds its rarest term anyway); its best 50 are ranked and the full
        // query keeps only the five that hold the phrase.
        for (var i = 0; i < 55; i++)
        {
            Add($"仓储机器人{i}号", "搬运货物的机器人", "foshan");
        }

        for (var i = 0; i < 5; i++)
        {
            Add($"变电站巡检机器人{i}号", "巡检机器人自动读表", "foshan");
        }

        _index.Commit();

        var result = await SearchAsync("\"巡检机器人\"");

        Assert.True(result.TotalCapped);
        Assert.Equal(5, result.Hits.Count);
        Assert.All(result.Hits, h => Assert.Contains("巡检机器人", h.TitleZh, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_listing_named_for_the_broad_word_reaches_the_full_query_though_others_repeat_the_word_more()
    {
        // At 1 M, 大模型's best (千穰大模型, the word in its title) stood below ten thousand listings that only said it
        // more often in a shorter text: the first pass scored no title, and the full query never saw it.
        for (var i = 0; i < 80; i++)
        {
            Add($"问答服务{i}号", "大模型问答，大模型对话", "foshan");
        }

        Add("千穰大模型", "面向企业的知识问答，" + string.Concat(Enumerable.Repeat("支持文档检索、会话记录与权限管理，", 6)) + "基于自研大模型。", "foshan");
        _index.Commit();

        var result = await SearchAsync("大模型");

        Assert.True(result.TotalCapped);
        Assert.Equal("千穰大模型", result.Hits[0].TitleZh);
    }

    [Fact]
    public async Task A_listing_with_every_typed_word_reaches_the_full_query_though_others_repeat_the_rarest_word_more()
    {
        // At 1 M, "speech synthesis" kept 5 of its exact first 20 with 1,000 candidates: the first pass took only the
        // typed words' rarest term (speech), and listings saying speech over and over filled the candidates.
        for (var i = 0; i < 60; i++)
        {
            Add($"识别{i}号", "", "foshan", $"Speech speech {i}");
        }

        // More listings say synthesis than speech (so speech is the rarer), but fewer than a fifth (so it is not common).
        for (var i = 0; i < 70; i++)
        {
            Add($"合成{i}号", "", "foshan", $"Synthesis {i}");
        }

        // Ten short listings repeat speech in their titles and hold the phrase only in their summaries: the full query
        // finds them among the first pass's best, so without the listing below nothing looks missing.
        for (var i = 0; i < 10; i++)
        {
            Add($"语音助手{i}号", "", "foshan", "Speech speech speech", "Speech synthesis inside.");
        }

        Add("某某声音引擎", "", "foshan", "Speech synthesis engine", "For companies.");
        _index.Commit();

        var result = await SearchAsync("speech synthesis");

        Assert.True(result.TotalCapped);
        Assert.Equal("Speech synthesis engine", result.Hits[0].TitleEn);
    }

    [Fact]
    public async Task When_no_first_pass_candidate_holds_the_phrase_every_hit_is_ranked_instead_of_an_empty_page()
    {
        // Sixty short listings repeat the phrase's terms without the phrase; the one listing with the phrase is long,
        // so plain BM25 puts it below the 50 candidates the full query would rank.
        for (var i = 0; i < 60; i++)
        {
            Add($"机器人巡检{i}号", "机器人巡检，机器人巡检", "foshan");
        }

        Add("变电站运维平台", "面向变电站的运维平台，" + string.Concat(Enumerable.Repeat("支持设备台账、工单流转、值班排班与报表统计，", 12)) + "并提供巡检机器人调度。", "foshan");
        _index.Commit();

        var result = await SearchAsync("\"巡检机器人\"");

        Assert.Equal("变电站运维平台", Assert.Single(result.Hits).TitleZh);
        Assert.False(result.TotalCapped);
    }

    [Fact]
    public async Task An_index_smaller_than_the_threshold_ranks_every_hit_of_a_broad_query()
    {
        // Below RankAllBelow documents a first pass saves nothing worth an estimated total: every hit is ranked and counted.
        _search.Budgets = _search.Budgets with { RankAllBelow = 1_000 };

        var result = await SearchAsync("巡检");

        Assert.False(result.TotalCapped);
        Assert.Equal(Broad, result.Matched);
    }

    [Fact]
    public async Task A_narrow_query_counts_its_hits_and_facets_exactly()
    {
        var result = await SearchAsync("蚝田水质");

        Assert.False(result.TotalCapped);
        Assert.False(result.FacetsApproximate);
        Assert.Equal(12, result.Matched);
        Assert.Equal(new FacetCount("zhuhai", 12), Assert.Single(result.Facets[CatalogFacets.City]));
    }

    [Fact]
    public async Task A_broad_query_sorted_by_date_reads_every_hit_for_its_order_and_samples_only_the_facets()
    {
        var result = await SearchAsync("巡检", CatalogSort.Newest);

        Assert.False(result.TotalCapped);
        Assert.Equal(Broad, result.Total);
        Assert.True(result.FacetsApproximate);
        Assert.InRange(result.Facets[CatalogFacets.City].Sum(c => c.Count), Broad - 1, Broad + 1);
    }

    [Fact]
    public async Task Unbounded_budgets_give_the_exact_counts_the_sample_approximates()
    {
        _search.Budgets = HitBudgets.Unbounded;

        var result = await SearchAsync("巡检");

        Assert.False(result.TotalCapped);
        Assert.False(result.FacetsApproximate);
        Assert.Equal(Broad, result.Matched);
        Assert.Equal(Broad / 3, result.Facets[CatalogFacets.City].Single(c => c.Value == "shenzhen").Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_first_pass_keeps_the_candidates_that_scoring_every_hit_would_keep_while_it_skips_what_cannot_reach_them(int parallelism)
    {
        // With several threads, a segment of 100 listings or more is read in ranges of 50 or more at once.
        // Listings of one to four words, each word up to three times, in a filler of varying length: terms of different
        // rarity and weight, and documents of different lengths, as BM25 sees a catalog; every seventh withdrawn again
        // (a deleted document in the segment, which the pass must skip as the filter does).
        string[] words = ["水质", "浮标", "调度", "物流", "报告"];
        var random = new Random(7);
        var withdrawn = new List<Guid>();
        for (var i = 0; i < 400; i++)
        {
            var text = string.Concat(words.Where(_ => random.Next(3) == 0).SelectMany(w => Enumerable.Repeat(w + "，", random.Next(1, 4))));
            var id = Add($"样例{i}", text + string.Concat(Enumerable.Repeat("说明文字，", random.Next(0, 6))), "foshan");
            if (i % 7 == 0)
            {
                withdrawn.Add(id);
            }
        }

        withdrawn.ForEach(id => _index.Replace(id.ToString(), []));
        _index.Commit();
        var query = new BooleanQuery(disableCoord: true);
        foreach (var (word, boost) in words.Zip([1f, 0.5f, 2f, 1.5f, 0.7f]))
        {
            var term = BilingualAnalyzer.Terms(_index.Analyzer, IndexFields.All, word).Single();
            query.Add(new TermQuery(new Term(IndexFields.All, term)) { Boost = boost }, Occur.SHOULD);
        }

        var filter = new BitSetCachingFilter(new QueryWrapperFilter(new MatchAllDocsQuery()));
        _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var leaves = searcher.IndexReader.Leaves.Select(l => (l.AtomicReader.MaxDoc, l.AtomicReader.NumDocs)).ToList();
            Assert.True(leaves.Count > 1 && leaves.Any(l => l.NumDocs < l.MaxDoc) && leaves.Any(l => l.MaxDoc >= 100), $"segments (documents, live): {string.Join(", ", leaves)}");
            var everyHit = searcher.Search(query, filter, searcher.IndexReader.MaxDoc);
            var scores = everyHit.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
            foreach (var size in (int[])[10, 30, 100])
            {
                // Windows of 64 documents, so that terms drop out after the first few (at 4,096 the 400 listings are one).
                var budgets = new HitBudgets(size, FacetSample: 40);
                var pass = FirstPass.Run(searcher, query, filter, size, null, budgets, parallelism, windowSize: 64, rangeDocuments: 50)!;
                var weakest = everyHit.ScoreDocs[size - 1].Score;
                Assert.Equal(size, pass.Best.Count);
                Assert.Equal(everyHit.ScoreDocs[0].Score, scores[pass.Best[0]], 4);
                Assert.All(pass.Best, doc => Assert.True(scores[doc] >= weakest - 1e-4f, $"of {size}: document {doc} scores {scores[doc]}, under the best {size}'s weakest {weakest}"));
                Assert.True(pass.Estimated);
                // A range of fewer listings than candidates rules none out: at 100, ranges of 50 read every hit.
                Assert.True(pass.Scored < everyHit.TotalHits || (parallelism > 1 && size == 100), $"of {size}: scored {pass.Scored} of {everyHit.TotalHits} hits");
                Assert.InRange(pass.Hits, everyHit.TotalHits * 0.7, everyHit.TotalHits * 1.3);

                // With a sample larger than the hits, every hit is counted, and the candidates are the same.
                var exactFacets = new FacetCollector(CatalogFacets.All);
                var exact = FirstPass.Run(searcher, query, filter, size, exactFacets, budgets with { FacetSample = 10_000 }, parallelism, rangeDocuments: 50)!;
                Assert.False(exact.Estimated);
                Assert.Equal(everyHit.TotalHits, exact.Hits);
                Assert.Equal(pass.Best, exact.Best);

                // Every hit's facet values counted, in one range or several alike.
                var oneRange = new FacetCollector(CatalogFacets.All);
                FirstPass.Run(searcher, query, filter, size, oneRange, new HitBudgets(size, FacetSample: 10_000));
                Assert.Equal(Counts(oneRange), Counts(exactFacets));
                Assert.Contains(Counts(oneRange), c => c.Count == everyHit.TotalHits);
            }

            return 0;
        });

        static List<(string Facet, string Value, int Count)> Counts(FacetCollector facets) =>
            [.. facets.Result().SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count)))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Of_listings_that_score_alike_the_first_pass_keeps_the_earlier_ones_as_scoring_every_hit_does(int parallelism)
    {
        // 200 listings of the same text score the same, and 30 candidates are kept: Lucene keeps the first 30
        // documents, and so must the first pass, read in one range or in ranges of 50 on several threads.
        for (var i = 0; i < 200; i++)
        {
            Add("珊瑚礁巡查", "珊瑚礁巡查与记录", "zhanjiang");
        }

        _index.Commit();
        var (query, filter) = OneTermOverEverything("珊瑚");
        _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var everyHit = searcher.Search(query, filter, 30);
            Assert.Single(everyHit.ScoreDocs.Select(d => d.Score).Distinct());

            var pass = FirstPass.Run(searcher, query, filter, 30, null, new HitBudgets(30, FacetSample: 40), parallelism, windowSize: 64, rangeDocuments: 50)!;

            Assert.Equal(everyHit.ScoreDocs.Select(d => d.Doc), pass.Best);
            return 0;
        });
    }

    [Fact]
    public void A_common_term_alone_skips_the_blocks_of_documents_where_it_cannot_reach_the_candidates()
    {
        // 水质 in each of 1,000 listings, once in a long text, except twelve short ones that say it three times, in two
        // places of the index: the best ten are among those twelve, and most blocks of 128 documents hold none of them.
        var strong = Enumerable.Range(150, 8).Concat(Enumerable.Range(820, 4)).ToHashSet();
        for (var i = 0; i < 1000; i++)
        {
            Add($"样例{i}", strong.Contains(i) ? "水质，水质，水质" : "水质，" + string.Concat(Enumerable.Repeat("说明文字，", 8)), "foshan");
        }

        _index.Commit();
        var (query, filter) = OneTermOverEverything("水质");
        _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var everyHit = searcher.Search(query, filter, searcher.IndexReader.MaxDoc);
            var scores = everyHit.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
            // The blocks' bounds come with the term's remembered frequencies, read beside the first search to meet it.
            var terms = new HashSet<Term>();
            query.ExtractTerms(terms);
            RememberedTerms.InEvery(searcher.IndexReader, terms.Single());

            var pass = FirstPass.Run(searcher, query, filter, 10, null, new HitBudgets(10, FacetSample: 40), windowSize: 64)!;

            var weakest = everyHit.ScoreDocs[9].Score;
            Assert.Equal(10, pass.Best.Count);
            Assert.All(pass.Best, doc => Assert.True(scores[doc] >= weakest - 1e-4f, $"document {doc} scores {scores[doc]}, under the best ten's weakest {weakest}"));
            Assert.True(pass.Scored < everyHit.TotalHits / 2, $"scored {pass.Scored} of {everyHit.TotalHits} hits");
            return 0;
        });
    }

    [Theory]
    [InlineData(1, CatalogTextMatch.MostTerms, 1_000)]
    [InlineData(20, CatalogTextMatch.MostTerms, 1_000)]
    [InlineData(40, CatalogTextMatch.AllTerms, 2_000)]
    [InlineData(20, CatalogTextMatch.AnyTerm, 2_000)]
    [InlineData(50, CatalogTextMatch.AnyTerm, 5_000)]
    public void A_search_asking_for_more_results_or_any_term_ranks_proportionally_more_candidates(int results, CatalogTextMatch match, int candidates)
    {
        Assert.Equal(candidates, new HitBudgets(1_000, 20_000).CandidatesFor(results, match));
        Assert.Equal(int.MaxValue, HitBudgets.Unbounded.CandidatesFor(results, match));
    }

    [Theory]
    [InlineData(50, 4, 1)]
    [InlineData(1_000, 4, 1)]
    [InlineData(4_999, 4, 1)]
    [InlineData(5_000, 4, 2)]
    [InlineData(10_000, 2, 2)]
    [InlineData(10_000, 4, 4)]
    [InlineData(5_000, 1, 1)]
    public void A_broad_searchs_candidates_are_scored_in_parts_of_at_least_2500_on_at_most_the_allowed_threads(int candidates, int parallelism, int parts)
    {
        Assert.Equal(parts, new HitBudgets(1_000, 20_000, Parallelism: parallelism).PartsFor(candidates));
        Assert.Equal(1, HitBudgets.Unbounded.PartsFor(candidates));
    }

    [Theory]
    [InlineData(5_000, 2, 0, 2)]
    [InlineData(5_000, 2, 1, 1)]
    [InlineData(10_000, 4, 1, 3)]
    [InlineData(10_000, 4, 3, 1)]
    [InlineData(10_000, 4, 7, 1)]
    public void A_search_takes_threads_for_its_parts_only_from_the_cores_other_running_searches_leave(int candidates, int parallelism, int othersRunning, int parts) =>
        Assert.Equal(parts, new HitBudgets(1_000, 20_000, Parallelism: parallelism).PartsFor(candidates, othersRunning));

    /// <summary>A first pass's disjunction of one word's term, and a filter that lets every listing through.</summary>
    private (BooleanQuery Query, Filter Filter) OneTermOverEverything(string word)
    {
        var term = BilingualAnalyzer.Terms(_index.Analyzer, IndexFields.All, word).Single();
        return (new BooleanQuery(disableCoord: true) { { new TermQuery(new Term(IndexFields.All, term)), Occur.SHOULD } },
            new BitSetCachingFilter(new QueryWrapperFilter(new MatchAllDocsQuery())));
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, true);
    }

    private Task<CatalogSearchResult> SearchAsync(string text, CatalogSort sort = CatalogSort.Relevance) =>
        _search.SearchAsync(new CatalogSearchRequest(text, CatalogFilters.None, CatalogViewer.Public, 1, 20, sort), TestContext.Current.CancellationToken);

    private Guid Add(string titleZh, string summaryZh, string city, string titleEn = "", string summaryEn = "")
    {
        var listing = new ListingRecord
        {
            Id = Guid.NewGuid(), Type = ListingType.AlgorithmProduct, OwnerOrganisationId = Guid.NewGuid(), Status = ListingStatus.Published,
            Content = new ListingContent { TitleZh = titleZh, SummaryZh = summaryZh, TitleEn = titleEn, SummaryEn = summaryEn, CitySlug = city },
            PublishedVersion = 1, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        _index.Add(SearchDocuments.ForListing(listing, listing.Content, new IndexedOwner(listing.OwnerOrganisationId, "测试企业", "", [])));
        return listing.Id;
    }
}
