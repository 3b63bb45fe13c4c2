using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Funeng.Scenarios.Bench;

/// <summary>
/// The plain keyword baseline: BM25 over the same index's text of every published listing, the scenario's whole
/// text as an OR query of its terms, and nothing else — no sector, city, qualification or track-record signal, no
/// title boost, no dropped terms.
/// </summary>
internal sealed class KeywordBaseline : IDisposable
{
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly CatalogIndex _index;
    private readonly Filter _listings;

    public KeywordBaseline(CatalogIndex index)
    {
        _index = index;
        // Read as the platform reads its index (docs/decisions/0017-index-reading.md), so latencies compare like with like.
        _reader = DirectoryReader.Open(new MappedDirectory(new DirectoryInfo(index.Path), NoLockFactory.GetNoLockFactory()));
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _listings = new QueryWrapperFilter(new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.Role, IndexFields.RolePublished)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.Kind, nameof(CatalogHitKind.Listing))), Occur.MUST },
        });
    }

    public IReadOnlyList<Guid> Search(string text, int take)
    {
        var query = new BooleanQuery();
        foreach (var term in BilingualAnalyzer.Terms(_index.Analyzer, IndexFields.All, text))
        {
            query.Add(new TermQuery(new Term(IndexFields.All, term)), Occur.SHOULD);
        }

        return [.. _searcher.Search(query, _listings, take).ScoreDocs
            .Select(d => Guid.Parse(_searcher.Doc(d.Doc).Get(IndexFields.Id, CultureInfo.InvariantCulture)))];
    }

    public void Dispose() => _reader.Dispose();
}
