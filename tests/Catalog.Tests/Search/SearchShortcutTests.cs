using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Search;
using Funeng.Catalog.Search.Glossary;
using Funeng.Kernel.Database;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// Issue 12, item 5: the shortcuts of a search at 1 M must not change what it finds. A dense filter scored in bulk
/// (<see cref="BulkRandomAccess"/>) finds what Lucene's default strategy finds, with the same scores and without deleted
/// documents; remembered document frequencies (<see cref="DocFrequencies"/>) follow the index when it changes; the
/// full query over the candidates' postings (<see cref="CandidateReader"/>), scored clause by clause
/// (<see cref="ClauseByClause"/>), finds and scores them as Lucene's scorers do over the whole index; collapsing by
/// owner through each segment's ordinals still joins an owner's listings across segments.
/// </summary>
public sealed class SearchShortcutTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funeng-shortcuts-" + Guid.NewGuid().ToString("N"));
    private readonly CatalogIndex _index;
    private readonly List<Guid> _shenzhen = [];

    public SearchShortcutTests()
    {
        _index = new CatalogIndex(Options.Create(new CatalogOptions { IndexDirectory = _folder }),
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "unused.db")}"));
        // Alternating cities make the Shenzhen filter dense (its first document is among the first hundred); Zhuhai's
        // listings come last, so its filter is sparse and leapfrogs.
        for (var i = 0; i < 240; i++)
        {
            var city = i % 2 == 0 ? "shenzhen" : "guangzhou";
            var id = Add($"第{i}号智能客服{(i % 3 == 0 ? "机器人" : "平台")}", $"客服问答{string.Concat(Enumerable.Repeat("，智能客服", i % 5))}", city);
            if (city == "shenzhen")
            {
                _shenzhen.Add(id);
            }
        }

        for (var i = 0; i < 8; i++)
        {
            Add($"第{i}号客服机器人", "蚝田客服", "zhuhai");
        }

        _index.Commit();
    }

    [Theory]
    [InlineData("shenzhen")]
    [InlineData("zhuhai")]
    public void A_filtered_broad_query_scored_in_bulk_finds_what_the_default_strategy_finds_with_the_same_scores(string city)
    {
        var filter = CityFilter(city);

        var (expected, actual) = _index.Search(searcher => (
            searcher.Search(BroadQuery(), filter, 1000).ScoreDocs,
            searcher.Search(FilterCache.Within(BroadQuery(), filter), 1000).ScoreDocs));

        Assert.Equal(city == "shenzhen" ? 120 : 8, expected.Length);
        Assert.Equal(expected.Select(d => d.Doc).Order(), actual.Select(d => d.Doc).Order());
        var scores = expected.ToDictionary(d => d.Doc, d => d.Score);
        Assert.All(actual, d => Assert.Equal(scores[d.Doc], d.Score, 4));
    }

    [Fact]
    public void A_listing_removed_from_the_index_is_not_found_through_the_bulk_scored_filter()
    {
        foreach (var id in _shenzhen.Take(10))
        {
            _index.Replace(id.ToString(), []);
        }

        _index.Commit();

        var found = _index.Search(searcher => searcher.Search(FilterCache.Within(BroadQuery(), CityFilter("shenzhen")), 1000).ScoreDocs
            .Select(d => Guid.Parse(searcher.Doc(d.Doc).Get(IndexFields.Id, System.Globalization.CultureInfo.InvariantCulture))).ToList());

        Assert.Equal(110, found.Count);
        Assert.Empty(found.Intersect(_shenzhen.Take(10)));
    }

    [Fact]
    public void Remembered_document_frequencies_are_the_indexs_and_a_reopened_index_counts_again()
    {
        var before = _index.Search(searcher =>
        {
            var remembered = DocFrequencies.Of(searcher.IndexReader, IndexFields.All, "客服");
            Assert.Equal(searcher.IndexReader.DocFreq(new Term(IndexFields.All, "客服")), remembered);
            Assert.Equal(remembered, DocFrequencies.Of(searcher.IndexReader, IndexFields.All, "客服"));
            Assert.Equal(0, DocFrequencies.Of(searcher.IndexReader, IndexFields.All, "蜂巢"));
            return remembered;
        });

        for (var i = 0; i < 3; i++)
        {
            Add($"蜂巢客服{i}号", "蜂巢客服", "foshan");
        }

        _index.Commit();

        _index.Search(searcher =>
        {
            Assert.Equal(before + 3, DocFrequencies.Of(searcher.IndexReader, IndexFields.All, "客服"));
            Assert.Equal(3, DocFrequencies.Of(searcher.IndexReader, IndexFields.All, "蜂巢"));
            return 0;
        });
    }

    [Theory]
    [InlineData("智能客服机器人平台", false, 1)]
    [InlineData("customer service robot", false, 1)]
    [InlineData("\"智能客服\" 问答", false, 1)]
    [InlineData("智能客服机器人平台", true, 1)]
    [InlineData("\"智能客服\" 问答", true, 1)]
    [InlineData("智能客服机器人平台", false, 3)]
    [InlineData("\"智能客服\" 问答", true, 4)]
    public void The_full_query_through_the_candidates_reader_scores_each_candidate_as_over_the_whole_index(string text, bool everyTerm, int parts)
    {
        // In parts, each run of candidates is scored on its own thread through its own readers, and collected in order.
        // Every document of the index, deleted ones too, is offered as a candidate; every third holds back.
        foreach (var id in _shenzhen.Take(10))
        {
            _index.Replace(id.ToString(), []);
        }

        _index.Commit();

        _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var query = QueryPlan.Build(text, CatalogTextMatch.MostTerms, _index.Analyzer, DomainGlossary.Shipped, searcher.IndexReader).ToQuery();
            var candidates = Enumerable.Range(0, searcher.IndexReader.MaxDoc).Where(d => d % 3 != 0).ToArray();
            var (expected, actual) = ScoredAsOverTheIndex(searcher, query, candidates, everyTerm, parts);

            Assert.NotEmpty(expected);
            Assert.DoesNotContain(actual, d => searcher.IndexReader.Leaves.Any(l => d.Doc >= l.DocBase && d.Doc < l.DocBase + l.AtomicReader.MaxDoc && l.AtomicReader.LiveDocs is { } live && !live.Get(d.Doc - l.DocBase)));
            return 0;
        });
    }

    [Fact]
    public void Clause_by_clause_a_boolean_query_keeps_lucenes_rules_for_required_prohibited_minimum_and_coord_clauses()
    {
        _index.Search(searcher =>
        {
            // The platform's weights do not reward coverage (no coord); these do, so that coord shows in the scores.
            searcher.Similarity = (SearchTuning.Default with { CoordPower = 1f }).Similarity();
            var phrase = new PhraseQuery { new Term(IndexFields.All, "智能"), new Term(IndexFields.All, "能客") };
            // Three of four optional clauses, one of them a boosted boolean with its own coord and a prohibited clause:
            // it leaves out the two thirds of the listings titled 平台, which the phrase and 问答 would let in.
            var inner = new BooleanQuery(disableCoord: false)
            {
                { AllTerm("机器"), Occur.SHOULD }, { AllTerm("问答", 0.5f), Occur.SHOULD }, { AllTerm("平台"), Occur.MUST_NOT },
            };
            inner.Boost = 1.7f;
            var content = new BooleanQuery(disableCoord: false)
            {
                { AllTerm("问答"), Occur.SHOULD }, { phrase, Occur.SHOULD }, { inner, Occur.SHOULD }, { AllTerm("没有"), Occur.SHOULD },
            };
            content.MinimumNumberShouldMatch = 3;
            var query = new BooleanQuery(disableCoord: false)
            {
                { content, Occur.MUST },
                { AllTerm("客服"), Occur.MUST },
                { new ConstantScoreQuery(AllTerm("机器")) { Boost = 0f }, Occur.SHOULD },
                { AllTerm("平台", 2f), Occur.SHOULD },
                { AllTerm("没有"), Occur.SHOULD },
            };
            var candidates = Enumerable.Range(0, searcher.IndexReader.MaxDoc).Where(d => d % 4 != 1).ToArray();
            var (expected, _) = ScoredAsOverTheIndex(searcher, query, candidates);

            // Some but not all documents match, and the scores differ (coord and boosts matter).
            Assert.InRange(expected.Count, 10, candidates.Length - 10);
            Assert.True(expected.Select(d => d.Score).Distinct().Count() > 3);
            return 0;
        });

        static TermQuery AllTerm(string term, float boost = 1f) => new(new Term(IndexFields.All, term)) { Boost = boost };
    }

    [Fact]
    public void A_phrase_of_frequent_terms_is_counted_once_and_scores_the_candidates_as_lucenes_phrase_scorer()
    {
        // Counted over the whole segment, deleted listings too; the candidates' reader leaves those out. The second
        // phrase skips a position (客服 _ 问答), as a phrase across a stop word does.
        foreach (var id in _shenzhen.Take(5))
        {
            _index.Replace(id.ToString(), []);
        }

        _index.Commit();
        _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var adjacent = new PhraseQuery { new Term(IndexFields.All, "智能"), new Term(IndexFields.All, "能客") };
            var apart = new PhraseQuery();
            apart.Add(new Term(IndexFields.All, "客服"), 0);
            apart.Add(new Term(IndexFields.All, "问答"), 2);
            apart.Boost = 1.3f;
            var query = new BooleanQuery(disableCoord: true) { { adjacent, Occur.SHOULD }, { apart, Occur.SHOULD } };

            var candidates = Enumerable.Range(0, searcher.IndexReader.MaxDoc).Where(d => d % 3 != 1).ToArray();
            // Read at the candidates until asked for often enough, then counted on the reads' own thread.
            var (before, _) = ScoredAsOverTheIndex(searcher, query, candidates);
            foreach (var segment in searcher.IndexReader.Leaves.Select(l => l.AtomicReader))
            {
                for (var use = 1; use < CommonTerms.PhraseUsesBeforeCounting; use++)
                {
                    Assert.Null(CommonTerms.OfPhrase(segment, apart));
                }

                Counted(segment, adjacent);
                Counted(segment, apart);
            }

            var (expected, _) = ScoredAsOverTheIndex(searcher, query, candidates);
            Assert.Equal(before.Select(d => (d.Doc, d.Score)), expected.Select(d => (d.Doc, d.Score)));
            Assert.True(expected.Select(d => d.Score).Distinct().Count() > 3);
            return 0;
        });

        static void Counted(AtomicReader segment, PhraseQuery phrase)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (CommonTerms.OfPhrase(segment, phrase) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the phrase was never counted");
                Thread.Sleep(10);
            }
        }
    }

    [Fact]
    public void A_segments_tally_of_phrase_uses_starts_again_past_its_bound_so_a_long_running_server_keeps_it_small()
    {
        _index.Search(searcher =>
        {
            var segment = searcher.IndexReader.Leaves[0].AtomicReader;
            PhraseQuery Apart(int gap)
            {
                var phrase = new PhraseQuery();
                phrase.Add(new Term(IndexFields.All, "客服"), 0);
                phrase.Add(new Term(IndexFields.All, "问答"), gap);
                return phrase;
            }

            // Asked for once short of being counted, then as many other phrases as the tally holds: its uses are forgotten.
            for (var use = 1; use < CommonTerms.PhraseUsesBeforeCounting; use++)
            {
                Assert.Null(CommonTerms.OfPhrase(segment, Apart(1)));
            }

            for (var gap = 2; gap < CommonTerms.PhrasesTallied + 2; gap++)
            {
                Assert.Null(CommonTerms.OfPhrase(segment, Apart(gap)));
            }

            Assert.Null(CommonTerms.OfPhrase(segment, Apart(1)));
            Assert.True(SpinWait.SpinUntil(() => BackgroundReads.Done, TimeSpan.FromSeconds(30)));
            Assert.Null(CommonTerms.OfPhrase(segment, Apart(1)));

            // Asked for as often again, it is counted.
            Assert.Null(CommonTerms.OfPhrase(segment, Apart(1)));
            Assert.True(SpinWait.SpinUntil(() => CommonTerms.OfPhrase(segment, Apart(1)) is not null, TimeSpan.FromSeconds(30)));
            return 0;
        });
    }

    [Fact]
    public void Two_phrases_sharing_terms_read_their_positions_where_each_needs_them_also_behind_the_other()
    {
        // 能客 and 客服 are in both phrases and in nearly every listing, so they are read once, from their remembered
        // frequencies, and their positions only where a phrase asks: the first phrase at every third listing (机器人),
        // the second at the others (平台), behind where the first stopped.
        _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var query = new BooleanQuery(disableCoord: true)
            {
                { Phrase("能客", "客服", "服机", "机器"), Occur.SHOULD },
                { Phrase("能客", "客服", "服平", "平台"), Occur.SHOULD },
            };
            var candidates = Enumerable.Range(0, searcher.IndexReader.MaxDoc).Where(d => d % 5 != 2).ToArray();
            var (expected, _) = ScoredAsOverTheIndex(searcher, query, candidates);

            Assert.Equal(candidates.Count(d => d < 240), expected.Count);
            return 0;
        });

        static PhraseQuery Phrase(params string[] bigrams)
        {
            var phrase = new PhraseQuery();
            foreach (var bigram in bigrams)
            {
                phrase.Add(new Term(IndexFields.All, bigram));
            }

            return phrase;
        }
    }

    [Fact]
    public void A_common_term_is_read_from_its_postings_by_the_first_search_to_meet_it_and_remembered_beside_it()
    {
        // No search waits for an array: the first ask starts its read on the reads' own thread and gets none.
        _index.Search(searcher =>
        {
            var term = new Term(IndexFields.All, "客服");
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                Assert.Null(CommonTerms.Find(leaf.AtomicReader, term));
                var remembered = RememberedTerms.Of(leaf.AtomicReader, term);
                var postings = leaf.AtomicReader.GetTermDocsEnum(term)!;
                var held = 0;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc(), held++)
                {
                    Assert.Equal(postings.Freq, remembered.Freq(doc));
                    Assert.Equal(doc, remembered.Next(doc));
                }

                Assert.Equal(leaf.AtomicReader.DocFreq(term), held);
            }

            return 0;
        });
    }

    [Fact]
    public void A_common_terms_remembered_frequencies_score_as_its_postings_past_255_and_in_a_segment_added_later()
    {
        // 客服 is in every listing, so the candidates read it from remembered frequencies (CommonTerms); one listing
        // says it 301 times (300 in its summary, once in its title), more than a byte holds. 蜂巢 is rare, read from its postings.
        var loud = Add("超长客服", string.Concat(Enumerable.Repeat("客服，", 300)) + "蜂巢", "shenzhen");
        _index.Commit();
        Check(expectedHits: 249);

        // A listing indexed after the arrays were read lands in a new segment, which reads its own; one removed stays
        // in the arrays of its segment, and is not found.
        Add("新的客服", "客服蜂巢", "guangzhou");
        _index.Replace(_shenzhen[0].ToString(), []);
        _index.Commit();
        Check(expectedHits: 249);

        void Check(int expectedHits) => _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var query = new BooleanQuery(disableCoord: true)
            {
                { new TermQuery(new Term(IndexFields.All, "客服")), Occur.SHOULD },
                { new TermQuery(new Term(IndexFields.All, "蜂巢")), Occur.SHOULD },
            };
            var expected = searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs;
            RememberedTerms.InEvery(searcher.IndexReader, new Term(IndexFields.All, "客服"));

            var top = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, docsScoredInOrder: true);
            CandidateReader.Search(searcher, query, Enumerable.Range(0, searcher.IndexReader.MaxDoc), top);
            var actual = top.GetTopDocs().ScoreDocs;

            Assert.Equal(expectedHits, expected.Length);
            Assert.Equal(expected.Select(d => d.Doc).Order(), actual.Select(d => d.Doc).Order());
            var scores = expected.ToDictionary(d => d.Doc, d => d.Score);
            Assert.All(actual, d => Assert.Equal(scores[d.Doc], d.Score, tolerance: scores[d.Doc] * 1e-6f));
            var loudDoc = searcher.Search(new TermQuery(new Term(IndexFields.Id, loud.ToString())), 1).ScoreDocs.Single().Doc;
            var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(loudDoc, searcher.IndexReader.Leaves)];
            var terms = leaf.AtomicReader.GetTerms(IndexFields.All).GetEnumerator();
            Assert.True(terms.SeekExact(new Lucene.Net.Util.BytesRef("客服")));
            Assert.True(CommonTerms.IsCommon(terms.DocFreq, leaf.AtomicReader.MaxDoc));
            Assert.Equal(301, CommonTerms.Of(leaf.AtomicReader, IndexFields.All, terms)!.Freq(loudDoc - leaf.DocBase));
            return 0;
        });
    }

    [Theory]
    [InlineData(IndexFields.All, "客服", 0.7f)]
    [InlineData(IndexFields.All, "智能", 1f)]
    [InlineData(IndexFields.TitleZh, "客服", 1.5f)]
    public void A_common_terms_own_scorer_finds_and_scores_its_documents_as_lucenes_term_scorer_does(string field, string text, float boost)
    {
        // Texts of different lengths and frequencies (norms and frequencies vary), a listing withdrawn (a deleted
        // document in the first segment) and one added later (a second segment).
        _index.Replace(_shenzhen[3].ToString(), []);
        Add("新的智能客服", "客服客服智能", "guangzhou");
        _index.Commit();
        _index.Search(searcher =>
        {
            searcher.Similarity = SearchTuning.Default.Similarity();
            var bm25 = (Lucene.Net.Search.Similarities.BM25Similarity)searcher.Similarity;
            var query = new TermQuery(new Term(field, text)) { Boost = boost };
            var expected = searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
            var weight = CommonTermScorer.Weigh(searcher, bm25, query, TermContext.Build(searcher.TopReaderContext, query.Term));

            var actual = new Dictionary<int, float>();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var frequencies = RememberedTerms.Of(leaf.AtomicReader, query.Term);
                var scorer = CommonTermScorer.Of(frequencies, leaf, field, leaf.AtomicReader.LiveDocs, bm25, weight, new CommonTermScorer.Scores())!;
                for (var doc = scorer.Advance(0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.Advance(doc + 1))
                {
                    // Twice: the second score is the one remembered for the document's frequency and norm.
                    Assert.Equal(scorer.Score(doc), scorer.Score(doc));
                    actual[leaf.DocBase + doc] = scorer.Score(doc);
                }
            }

            Assert.True(searcher.IndexReader.Leaves.Count > 1 && searcher.IndexReader.HasDeletions);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            Assert.All(expected, e => Assert.Equal(e.Value, actual[e.Key]));
            Assert.True(expected.Values.Distinct().Count() > 1, "the scores should differ by frequency or length");
            return 0;
        });
    }

    [Fact]
    public async Task An_owners_listings_added_in_two_commits_collapse_into_one_hit()
    {
        // Hits are grouped by their owner's ordinal in each segment, and the segments' groups joined by owner.
        var owner = Guid.NewGuid();
        List<Guid> owners = [Add("红树林巡护算法一号", "红树林巡护", "zhuhai", owner), Add("红树林巡护算法二号", "红树林巡护", "zhuhai", owner)];
        _index.Commit();
        owners.AddRange([Add("红树林巡护算法三号", "红树林巡护", "zhuhai", owner), Add("红树林巡护算法四号", "红树林巡护", "zhuhai", owner)]);
        var other = Add("红树林巡护无人机", "红树林巡护", "zhuhai");
        _index.Commit();

        var result = await new CatalogSearch(_index).SearchAsync(new CatalogSearchRequest("红树林巡护", CatalogFilters.None, CatalogViewer.Public), TestContext.Current.CancellationToken);

        Assert.True(_index.Search(searcher => searcher.IndexReader.Leaves.Count(l => l.Reader.NumDocs > 0)) > 1);
        Assert.Equal(2, result.Total);
        Assert.Equal(3, Assert.Single(result.Hits, h => owners.Contains(h.Id)).MoreFromOwner);
        Assert.Equal(0, Assert.Single(result.Hits, h => h.Id == other).MoreFromOwner);
    }

    [Fact]
    public void Match_reasons_read_at_the_pages_documents_name_a_concept_only_for_those_holding_it()
    {
        // The first 240 listings say 客服问答, the last eight 客服 without 问答.
        _index.Search(searcher =>
        {
            var plan = QueryPlan.Build("客服问答", CatalogTextMatch.MostTerms, _index.Analyzer, DomainGlossary.Shipped, searcher.IndexReader);
            var summaries = Enumerable.Range(0, searcher.IndexReader.MaxDoc).ToDictionary(d => d, d => searcher.Doc(d).Get(IndexFields.Summary, System.Globalization.CultureInfo.InvariantCulture));
            var holding = summaries.Where(t => t.Value.Contains("问答", StringComparison.Ordinal)).Select(t => t.Key).Where(d => d % 50 == 7).ToList();
            var without = summaries.Where(t => !t.Value.Contains("问答", StringComparison.Ordinal)).Select(t => t.Key).Take(2).ToList();
            var reasons = new MatchReasons(_index.Analyzer, searcher, plan, [.. holding, .. without]);

            // No title or summary given: each concept is checked against the index.
            Assert.NotEmpty(holding);
            Assert.All(holding, d => Assert.Equal(["客服", "问答"], reasons.Explain(d, "", "", "").Where(r => r.Field == "text").Select(r => r.Term).Order()));
            Assert.Equal(2, without.Count);
            Assert.All(without, d => Assert.Equal(["客服"], reasons.Explain(d, "", "", "").Where(r => r.Field == "text").Select(r => r.Term)));
            return 0;
        });
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// Scores <paramref name="query"/> at <paramref name="candidates"/> through the candidates' reader and asserts that
    /// it finds the candidates Lucene finds over the whole index, with their scores; returns both, Lucene's first.
    /// </summary>
    private static (List<ScoreDoc> Expected, ScoreDoc[] Actual) ScoredAsOverTheIndex(IndexSearcher searcher, Query query, int[] candidates, bool everyTerm = false, int parts = 1)
    {
        var wanted = candidates.ToHashSet();
        var expected = searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs.Where(d => wanted.Contains(d.Doc)).ToList();
        var top = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, docsScoredInOrder: true);
        CandidateReader.Search(searcher, query, candidates, top, everyTerm, parts);
        var actual = top.GetTopDocs().ScoreDocs;

        Assert.Equal(expected.Select(d => d.Doc).Order(), actual.Select(d => d.Doc).Order());
        var scores = expected.ToDictionary(d => d.Doc, d => d.Score);
        // Clause by clause the sums may be added in another order than Lucene's scorers add them: the last bit may differ.
        Assert.All(actual, d => Assert.Equal(scores[d.Doc], d.Score, tolerance: scores[d.Doc] * 1e-6f));
        return (expected, actual);
    }

    /// <summary>A plain disjunction, as a first pass is: Lucene scores it in bulk when nothing stands in the way.</summary>
    private static BooleanQuery BroadQuery() => new(disableCoord: true)
    {
        { new TermQuery(new Term(IndexFields.All, "客服")), Occur.SHOULD },
        { new TermQuery(new Term(IndexFields.All, "机器")) { Boost = 0.7f }, Occur.SHOULD },
        { new TermQuery(new Term(IndexFields.TitleZh, "平台")) { Boost = 1.5f }, Occur.SHOULD },
    };

    private Filter CityFilter(string city) => _index.Filters.For(new CatalogFilters { Cities = [city] }, CatalogViewer.Public, () => new BooleanQuery
    {
        { new TermQuery(new Term(IndexFields.Role, IndexFields.RolePublished)), Occur.MUST },
        { new TermQuery(new Term(CatalogFacets.City, city)), Occur.MUST },
    });

    private Guid Add(string titleZh, string summaryZh, string city, Guid? owner = null)
    {
        var listing = new ListingRecord
        {
            Id = Guid.NewGuid(), Type = ListingType.AlgorithmProduct, OwnerOrganisationId = owner ?? Guid.NewGuid(), Status = ListingStatus.Published,
            Content = new ListingContent { TitleZh = titleZh, SummaryZh = summaryZh, CitySlug = city }, PublishedVersion = 1, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        _index.Replace(listing.Id.ToString(), SearchDocuments.ForListing(listing, listing.Content, new IndexedOwner(listing.OwnerOrganisationId, "测试企业", "", [])));
        return listing.Id;
    }
}
