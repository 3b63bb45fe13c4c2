using System.Diagnostics;
using System.Globalization;
using System.Text;
using Funeng.Catalog;
using Funeng.Catalog.Bench;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search;
using Funeng.Catalog.Search.Glossary;
using Funeng.Kernel.Database;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

// Usage: dotnet run -c Release --project bench/Catalog.Bench -- [COUNT] [POSTGRES-CONNECTION-STRING]
// --lucene-only: index and query Lucene, print per-query times, write no results file (for profiling).
// --reuse-index: query the Lucene index an earlier run left in the temp folder instead of indexing again.
// --index DIR: keep the Lucene index in DIR (outside the repository): built there when DIR holds none, reused when
// it does, so a 1 M index (about 18 minutes to build) is made once and every later run only queries it.
// --candidates N: rank a broad query with the full query over only the first pass's best N (HitBudgets.Candidates).
// --facet-sample N: count facet values over at most N hits (HitBudgets.FacetSample).
// --rank-all-below N: rank every hit, with no first pass, in an index of fewer than N documents (HitBudgets.RankAllBelow).
// --parallelism N: score a broad query's candidates on at most N threads (HitBudgets.Parallelism; default one per core, at most 4).
// --sustain N: search the query set N times over in one process and print each round's time and garbage-collection
// pauses, writing no results file: whether a long-running server's searches stay as fast (decision 0017).
var luceneOnly = args.Contains("--lucene-only");
var reuseIndex = args.Contains("--reuse-index");
var indexOption = args.SkipWhile(a => a != "--index").Skip(1).FirstOrDefault();
var candidatesOption = args.SkipWhile(a => a != "--candidates").Skip(1).FirstOrDefault();
var facetSampleOption = args.SkipWhile(a => a != "--facet-sample").Skip(1).FirstOrDefault();
var rankAllBelowOption = args.SkipWhile(a => a != "--rank-all-below").Skip(1).FirstOrDefault();
var sustainOption = args.SkipWhile(a => a != "--sustain").Skip(1).FirstOrDefault();
var parallelismOption = args.SkipWhile(a => a != "--parallelism").Skip(1).FirstOrDefault();
args = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != indexOption && a != candidatesOption && a != facetSampleOption && a != rankAllBelowOption && a != sustainOption && a != parallelismOption).ToArray();
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var postgres = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("FUNENG_TEST_POSTGRES");
var work = Path.Combine(Path.GetTempPath(), "funeng-catalog-bench");
var indexPath = indexOption is null ? Path.Combine(work, "lucene") : Path.GetFullPath(indexOption);
reuseIndex = indexOption is null ? reuseIndex && Directory.Exists(indexPath) : Directory.Exists(indexPath) && Directory.GetFiles(indexPath, "segments_*").Length > 0;
if (reuseIndex)
{
    Directory.GetFiles(work).ToList().ForEach(File.Delete);
}
else if (Directory.Exists(work))
{
    Directory.Delete(work, true);
}

Directory.CreateDirectory(work);
var demo = Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData");
var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

// Each measurement is warmed up with six rounds of the queries (84 searches) before the 70 it measures (see Measure).
const int WarmUpRounds = 6;

// The fixed mixed query set: Chinese (2–6 characters), English (stemmed), with and without facets.
(string Text, CatalogFilters Filters)[] queries =
[
    ("智能客服", CatalogFilters.None), ("推荐", CatalogFilters.None), ("直播内容推荐", CatalogFilters.None), ("养老", CatalogFilters.None),
    ("大模型", CatalogFilters.None), ("图像生成", CatalogFilters.None), ("文本回复", new CatalogFilters { Cities = ["guangzhou"] }),
    ("医疗", new CatalogFilters { Sectors = ["medical"] }), ("recommendation", CatalogFilters.None), ("speech synthesis", CatalogFilters.None),
    ("logistics scheduling", CatalogFilters.None), ("customer service platform", new CatalogFilters { Types = ["algorithm_product"] }),
    ("", new CatalogFilters { Types = ["dataset"], AccessLevels = ["open"] }), ("视频", new CatalogFilters { Cities = ["shenzhen"] }),
];

Line($"# Catalog search benchmark\n\nCommand: `dotnet run -c Release --project bench/Catalog.Bench -- {count}` (PostgreSQL from FUNENG_TEST_POSTGRES), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}, tiered compilation's call-counting delay {Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") ?? "100 (the runtime's default)"} ms as the web host is run with (docs/decisions/0020).\n");
Line($"Listings generated from the vocabulary of the real CAC filings and LLM list: {count:N0}.\n");

// Lucene
var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work, "unused.db")}");
using var index = new CatalogIndex(Options.Create(new CatalogOptions { IndexDirectory = indexPath }), settings);
var watch = Stopwatch.StartNew();
if (!reuseIndex)
{
    foreach (var (listing, owner) in new ListingGenerator(demo).Generate(count))
    {
        index.Add(SearchDocuments.ForListing(listing, listing.Content, new IndexedOwner(listing.OwnerOrganisationId, owner, "", [])));
    }

    // As the platform's rebuild leaves it (SearchIndexer.RebuildAsync).
    index.MergeSegments();
    index.Commit();
}

var indexing = watch.Elapsed;
var (documents, segments) = index.Search(s => (s.IndexReader.NumDocs, s.IndexReader.Leaves.Count));
Line($"## Lucene.NET 4.8\n\n{(reuseIndex ? "Indexing: reused the index of an earlier run" : $"Indexing: {indexing.TotalSeconds:F1} s, {count / indexing.TotalSeconds:N0} listings/s")}; {documents:N0} documents in {segments} segments.\n");
var search = new CatalogSearch(index);
if (candidatesOption is not null)
{
    search.Budgets = search.Budgets with { Candidates = int.Parse(candidatesOption, CultureInfo.InvariantCulture) };
}

if (facetSampleOption is not null)
{
    search.Budgets = search.Budgets with { FacetSample = int.Parse(facetSampleOption, CultureInfo.InvariantCulture) };
}

if (rankAllBelowOption is not null)
{
    search.Budgets = search.Budgets with { RankAllBelow = int.Parse(rankAllBelowOption, CultureInfo.InvariantCulture) };
}

if (parallelismOption is not null)
{
    search.Budgets = search.Budgets with { Parallelism = int.Parse(parallelismOption, CultureInfo.InvariantCulture) };
}

if (sustainOption is not null)
{
    for (var round = 1; round <= int.Parse(sustainOption, CultureInfo.InvariantCulture); round++)
    {
        var (began, paused, collections, allocated) = (Stopwatch.StartNew(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.GetTotalAllocatedBytes());
        var times = Measure(q => Search(search, q).Total);
        var searches = times.Count + (WarmUpRounds * queries.Length);
        Console.WriteLine($"Round {round} ({searches} searches): {began.Elapsed.TotalSeconds:F2} s, mean {times.Average():F2} ms, p50 {P(times, .50):F1} ms, p95 {P(times, .95):F1} ms; garbage collection paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms over {GC.CollectionCount(0) - collections} collections ({GC.CollectionCount(2)} of the heap's oldest generation so far); {(GC.GetTotalAllocatedBytes() - allocated) / 1e6 / searches:F1} MB allocated per search; heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1024 / 1024:N0} MB.");
    }

    return 0;
}

var lucene = Measure(q => Search(search, q).Total);
Line(Percentiles($"Lucene (hits + total + 6 facets + snippets; budgets: {search.Budgets.Candidates:N0} candidates, facets over {search.Budgets.FacetSample:N0} hits; candidates scored on up to {search.Budgets.Parallelism} threads)", lucene));
Line($"Peak working set after Lucene: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB.\n");
if (luceneOnly)
{
    // A web server searches for several people at once: one client per core, each going through the queries in its
    // own order. How the index is read decides whether they wait for each other (decision 0017).
    var clients = Environment.ProcessorCount;
    var paused = GC.GetTotalPauseDuration();
    var (together, perSecond) = MeasureTogether(q => Search(search, q).Total, clients);
    Line(Percentiles($"The same budgeted search from {clients} clients at once ({perSecond:F1} searches/s in all; one client alone: {lucene.Count * 1000 / lucene.Sum():F1})", together));
    Line($"Garbage collection paused the process for {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms of those searches' {together.Count / perSecond:F1} s.\n");

    // The same queries with every hit scored and faceted (the search before issue 12's budgets), to show what the
    // budgets save and what they change: the total shown and how many of the exact first 20 hits stay.
    var exact = new CatalogSearch(index) { Budgets = HitBudgets.Unbounded };
    var unbounded = Measure(q => Search(exact, q).Total);
    Line(Percentiles("Lucene, every hit scored and faceted (no budgets)", unbounded));

    // The floor a practitioner's plain BM25 sets on the same index: an OR of the text's terms in the bigram field,
    // top 20 only (no filters, facets, collapse or snippets). What the platform costs beyond it is its own work.
    var plain = Measure(q => index.Search(s => s.Search(PlainBm25(index, q.Text), 20).TotalHits));
    Line(Percentiles("Plain BM25 on the same index (OR of the text's bigrams, top 20, no filters or facets)", plain));

    // Where the platform's time goes beyond that floor: its query alone, then the whole search without match reasons.
    var similarity = SearchTuning.Default.Similarity();
    var queryOnly = Measure(q => index.Search(s =>
    {
        s.Similarity = similarity;
        var plan = QueryPlan.Build(q.Text, CatalogTextMatch.MostTerms, index.Analyzer, DomainGlossary.Shipped, s.IndexReader);
        return s.Search(plan.ToQuery(), CatalogSearchRequest.MaxResultWindow).TotalHits;
    }));
    Line(Percentiles("The platform's query alone (plan + top 1,000 by score; no filters, facets, collapse, snippets or reasons)", queryOnly));
    // Measured in turn with the whole search, query by query: measured after it, as before stop 26, the later line
    // ran warmer and showed reasons costing 3–5 ms at p50 where they cost under 1.
    var reasonless = new CatalogSearch(index) { ExplainMatches = false };
    var inTurn = MeasureInTurn(q => Search(search, q).Total, q => Search(reasonless, q).Total);
    var (withReasons, withoutReasons) = (inTurn[0], inTurn[1]);
    Line(Percentiles("The whole search with match reasons, measured in turn with the next line", withReasons));
    Line(Percentiles("The whole search without match reasons", withoutReasons));
    Line("Per query (5 rounds after a warm-up of 6, ms; \"matched\" is the exact count, \"shown\" the total the budgeted search reports, \"top 20\" how many of the exact search's first 20 hits it also shows):\n\n```");
    for (var i = 0; i < queries.Length; i++)
    {
        var bounded = Rounds(lucene, i);
        var every = Rounds(unbounded, i);
        var b = Search(search, queries[i]);
        var e = Search(exact, queries[i]);
        var overlap = b.Hits.Select(h => h.Id).Intersect(e.Hits.Select(h => h.Id)).Count();
        var filters = string.Join(',', queries[i].Filters.Types.Concat(queries[i].Filters.Cities).Concat(queries[i].Filters.Sectors));
        var (floor, alone, noReasons) = (Rounds(plain, i), Rounds(queryOnly, i), Rounds(withoutReasons, i));
        Line($"{queries[i].Text,-26} {filters,-18} matched {e.Matched,8:N0} plain BM25 {floor[2],6:F1} query alone {alone[2],6:F1} no reasons {noReasons[2],6:F1} shown {(b.TotalCapped ? $"{b.Total:N0}+" : b.Total.ToString("N0", CultureInfo.InvariantCulture)),7}{(b.FacetsApproximate ? " ~facets" : "        ")}  budgeted min {bounded[0],6:F1} median {bounded[2],6:F1}  unbounded min {every[0],6:F1} median {every[2],6:F1}  top 20 {overlap,2}/{e.Hits.Count}");
    }

    Line("```\n");

    // A character on its own is searched as the word field's words that hold it, read from the index's terms once per
    // snapshot and character (CharacterWords): each one's first search, then five more.
    foreach (var character in new[] { "税", "药", "车" })
    {
        var first = Stopwatch.GetTimestamp();
        var found = Search(search, (character, CatalogFilters.None));
        var firstTime = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        var again = Enumerable.Range(0, 5).Select(_ =>
        {
            var start = Stopwatch.GetTimestamp();
            Search(search, (character, CatalogFilters.None));
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).Order().ToList();
        Line(string.Create(CultureInfo.InvariantCulture, $"{character} alone: the first search {firstTime:F1} ms (its words read from the terms), then median {again[2]:F1} ms; {found.Total:N0}{(found.TotalCapped ? "+" : "")} shown.  "));
    }

    Line($"\nLoad average at the end: {LoadAverage()}.");
    return 0;
}

// SQLite FTS5 (trigram tokenizer: the only built-in one that matches Chinese substrings; terms under 3 characters fall back to LIKE)
var sqlitePath = Path.Combine(work, "fts.db");
using (var sqlite = new SqliteConnection($"Data Source={sqlitePath}"))
{
    sqlite.Open();
    Execute(sqlite, "CREATE VIRTUAL TABLE docs USING fts5(title_zh, title_en, summary_zh, summary_en, type UNINDEXED, city UNINDEXED, sectors UNINDEXED, access UNINDEXED, tokenize='trigram')");
    watch.Restart();
    using (var transaction = sqlite.BeginTransaction())
    {
        using var insert = sqlite.CreateCommand();
        insert.CommandText = "INSERT INTO docs VALUES ($a,$b,$c,$d,$e,$f,$g,$h)";
        var p = "abcdefgh".Select(c => insert.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        foreach (var (listing, _) in new ListingGenerator(demo).Generate(count))
        {
            var c = listing.Content;
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (c.TitleZh, c.TitleEn, c.SummaryZh, c.SummaryEn);
            (p[4].Value, p[5].Value, p[6].Value, p[7].Value) = (listing.Type.Key(), c.CitySlug, string.Join(';', c.Sectors), c.Attribute("access_level"));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    Line($"## SQLite FTS5 (trigram)\n\nLoading and indexing: {watch.Elapsed.TotalSeconds:F1} s.\n");
    var fts = Measure(q => SqliteQuery(sqlite, q.Text, q.Filters));
    Line(Percentiles("SQLite FTS5 (count + top 20 by bm25)", fts));
    Line(Ratio("SQLite FTS5", fts, lucene));
}

if (!string.IsNullOrEmpty(postgres))
{
    var database = "funeng_catalog_bench";
    using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString))
    {
        admin.Open();
        Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        Execute(admin, $"CREATE DATABASE {database}");
    }

    using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = database, CommandTimeout = 600 }.ConnectionString);
    pg.Open();
    Execute(pg, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
    Execute(pg, "CREATE TABLE docs (title_zh text, title_en text, summary_zh text, summary_en text, type text, city text, sectors text[], access text)");
    watch.Restart();
    using (var copy = pg.BeginTextImport("COPY docs FROM STDIN"))
    {
        foreach (var (listing, _) in new ListingGenerator(demo).Generate(count))
        {
            var c = listing.Content;
            copy.Write(string.Join('\t', Clean(c.TitleZh), Clean(c.TitleEn), Clean(c.SummaryZh), Clean(c.SummaryEn), listing.Type.Key(), c.CitySlug, "{" + string.Join(',', c.Sectors) + "}", c.Attribute("access_level")) + "\n");
        }
    }

    Execute(pg, "ALTER TABLE docs ADD COLUMN en tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title_en,'') || ' ' || coalesce(summary_en,''))) STORED");
    Execute(pg, "ALTER TABLE docs ADD COLUMN zh text GENERATED ALWAYS AS (title_zh || ' ' || summary_zh) STORED");
    Execute(pg, "CREATE INDEX ON docs USING gin (en)");
    Execute(pg, "CREATE INDEX ON docs USING gin (zh gin_trgm_ops)");
    Execute(pg, "ANALYZE docs");
    Line($"## PostgreSQL full-text search (english tsvector + pg_trgm for Chinese)\n\nLoading and indexing: {watch.Elapsed.TotalSeconds:F1} s.\n");
    var pgTimes = Measure(q => PostgresQuery(pg, q.Text, q.Filters));
    Line(Percentiles("PostgreSQL (count + top 20)", pgTimes));
    Line(Ratio("PostgreSQL", pgTimes, lucene));
}

Line($"\nLoad average at the end: {LoadAverage()} (1, 5 and 15 minutes: {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown")}).");
Line($"\nPeak working set of the whole run: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB.");
var output = Path.Combine(FindRepository(), "bench", "results", "catalog.md");
File.WriteAllText(output, report.ToString());
Console.WriteLine($"Written to {output}");
return 0;

// One search's times: warmed up with more searches than are measured, as a server has run its code many times over
// and the runtime compiles a method's optimised code only after some tens of calls (bench/results/catalog.md, stop 22).
List<double> Measure(Func<(string Text, CatalogFilters Filters), int> run) => MeasureInTurn(run)[0];

// Searches measured in turn, each query by one and then the next, so that all see the same machine and warmth.
List<double>[] MeasureInTurn(params Func<(string Text, CatalogFilters Filters), int>[] runs)
{
    var times = runs.Select(_ => new List<double>()).ToArray();
    for (var round = 0; round < WarmUpRounds + 5; round++)
    {
        foreach (var q in queries)
        {
            for (var r = 0; r < runs.Length; r++)
            {
                var start = Stopwatch.GetTimestamp();
                runs[r](q);
                if (round >= WarmUpRounds)
                {
                    times[r].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }
    }

    return times;
}

(List<double> Times, double PerSecond) MeasureTogether(Func<(string Text, CatalogFilters Filters), int> run, int clients)
{
    var times = new List<double>[clients];
    var all = Stopwatch.StartNew();
    var threads = Enumerable.Range(0, clients).Select(client => new Thread(() =>
    {
        times[client] = [];
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                var q = queries[(i + (client * queries.Length / clients)) % queries.Length];
                var start = Stopwatch.GetTimestamp();
                run(q);
                times[client].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
    })).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
    var searches = times.Sum(t => t.Count);
    return ([.. times.SelectMany(t => t)], searches / all.Elapsed.TotalSeconds);
}

List<double> Rounds(List<double> times, int query) => [.. Enumerable.Range(0, 5).Select(r => times[(r * queries.Length) + query]).Order()];

static CatalogSearchResult Search(CatalogSearch search, (string Text, CatalogFilters Filters) query) =>
    search.SearchAsync(new CatalogSearchRequest(query.Text, query.Filters, CatalogViewer.Public)).GetAwaiter().GetResult();

static BooleanQuery PlainBm25(CatalogIndex index, string text)
{
    var query = new BooleanQuery();
    foreach (var term in BilingualAnalyzer.Terms(index.Analyzer, IndexFields.All, text).Distinct(StringComparer.Ordinal))
    {
        query.Add(new TermQuery(new Term(IndexFields.All, term)), Occur.SHOULD);
    }

    return query;
}

static double P(List<double> times, double p)
{
    var sorted = times.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

static string Percentiles(string name, List<double> t) =>
    $"{name}: p50 {P(t, .50):F1} ms, p95 {P(t, .95):F1} ms, p99 {P(t, .99):F1} ms over {t.Count} queries (load average {LoadAverage()}).\n";

static string Ratio(string name, List<double> other, List<double> lucene) =>
    $"Ratio {name} / Lucene: p50 {P(other, .50) / P(lucene, .50):F1}×, p95 {P(other, .95) / P(lucene, .95):F1}×.\n";

static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\\', '/');

static void Execute(System.Data.Common.DbConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 600;
    command.ExecuteNonQuery();
}

static int SqliteQuery(SqliteConnection sqlite, string text, CatalogFilters filters)
{
    var (where, parameters) = (new List<string>(), new List<(string, object)>());
    var terms = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (terms.Length > 0 && terms.All(t => t.Length >= 3))
    {
        where.Add("docs MATCH $q");
        parameters.Add(("$q", string.Join(' ', terms.Select(t => $"\"{t}\""))));
    }
    else
    {
        for (var i = 0; i < terms.Length; i++)
        {
            where.Add($"(title_zh LIKE $t{i} OR summary_zh LIKE $t{i} OR title_en LIKE $t{i} OR summary_en LIKE $t{i})");
            parameters.Add(($"$t{i}", $"%{terms[i]}%"));
        }
    }

    Filter(where, parameters, "type", filters.Types);
    Filter(where, parameters, "city", filters.Cities);
    Filter(where, parameters, "access", filters.AccessLevels);
    foreach (var sector in filters.Sectors)
    {
        where.Add("sectors LIKE $s");
        parameters.Add(("$s", $"%{sector}%"));
    }

    var clause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
    using var command = sqlite.CreateCommand();
    command.CommandText = $"SELECT count(*) FROM docs {clause}; SELECT title_zh FROM docs {clause} {(clause.Contains("MATCH", StringComparison.Ordinal) ? "ORDER BY bm25(docs)" : "")} LIMIT 20";
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }

    using var reader = command.ExecuteReader();
    reader.Read();
    var total = reader.GetInt32(0);
    reader.NextResult();
    while (reader.Read())
    {
    }

    return total;
}

static void Filter(List<string> where, List<(string, object)> parameters, string column, IReadOnlyList<string> values)
{
    if (values.Count > 0)
    {
        where.Add($"{column} = ${column}");
        parameters.Add(($"${column}", values[0]));
    }
}

static int PostgresQuery(NpgsqlConnection pg, string text, CatalogFilters filters)
{
    var where = new List<string>();
    using var command = pg.CreateCommand();
    var chinese = text.Any(c => c > 0x2E80);
    if (text.Length > 0 && chinese)
    {
        where.Add("zh ILIKE @zh");
        command.Parameters.AddWithValue("zh", $"%{text}%");
    }
    else if (text.Length > 0)
    {
        where.Add("en @@ plainto_tsquery('english', @en)");
        command.Parameters.AddWithValue("en", text);
    }

    if (filters.Types.Count > 0) { where.Add("type = @type"); command.Parameters.AddWithValue("type", filters.Types[0]); }
    if (filters.Cities.Count > 0) { where.Add("city = @city"); command.Parameters.AddWithValue("city", filters.Cities[0]); }
    if (filters.AccessLevels.Count > 0) { where.Add("access = @access"); command.Parameters.AddWithValue("access", filters.AccessLevels[0]); }
    if (filters.Sectors.Count > 0) { where.Add("@sector = ANY(sectors)"); command.Parameters.AddWithValue("sector", filters.Sectors[0]); }
    var clause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
    var order = text.Length > 0 && !chinese ? "ORDER BY ts_rank(en, plainto_tsquery('english', @en)) DESC" : "";
    command.CommandText = $"SELECT count(*) FROM docs {clause}; SELECT title_zh FROM docs {clause} {order} LIMIT 20";
    using var reader = command.ExecuteReader();
    reader.Read();
    var total = (int)reader.GetInt64(0);
    reader.NextResult();
    while (reader.Read())
    {
    }

    return total;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static string FindRepository()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funeng.slnx")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
