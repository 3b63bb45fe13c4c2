using System.Diagnostics;
using System.Globalization;
using System.Text;
using Funeng.Catalog.Bench;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Import;
using Funeng.Catalog.Search;
using Funeng.Catalog.Search.Glossary;
using Funeng.Kernel.DataFiles;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Matchmaking;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Bench;

/// <summary>
/// Latency of matchmaking both ways over generated data: scenario → suppliers over the listings (the platform's
/// search and ranking alone, just after the process started and once it has answered a few hundred other needs; then
/// the same needs with every hit scored and by the BM25 baseline) and enterprise → scenarios over the scenarios in SQLite.
/// </summary>
internal static class LatencyRun
{
    private const int Queries = 100;
    private const int WarmUp = 30;

    // The stored scenarios are written this many at a time, and the first few published of each kept as samples.
    private const int Batch = 5_000;
    private const int SamplesPerBatch = Queries / 10;

    /// <summary>The fewest scenarios whose samples give the measured needs and the ones to warm up, none twice.</summary>
    public const int FewestScenarios = Batch * (Queries + WarmUp) / SamplesPerBatch;

    // The needs a warm server has answered before the hundred measured, and where in the stored order those start.
    private const int ServedBefore = 300;
    private const int OthersFrom = 1_000;

    // What a person sees first of the fifty: the share of the exact search's first ten kept is reported beside the fifty's.
    private const int FirstPage = 10;

    // Each need's best of this many rounds, for --per-need.
    private const int PerNeedRounds = 4;

    // indexDirectory: where to keep the listings' index so later runs reuse it (null: a fresh one under work).
    // perNeed: only each need's own time, for comparing two builds (PerNeed).
    public static string Run(string work, int listings, int scenarios, string? indexDirectory, int? candidates = null, bool perNeed = false, int? parallelism = null)
    {
        var report = new StringBuilder();
        void Line(string text)
        {
            Console.WriteLine(text);
            report.AppendLine(text);
        }

        var demo = BenchCatalog.DemoDataDirectory;
        var reuse = indexDirectory is not null && BenchCatalog.HasIndex(indexDirectory);
        using var catalog = indexDirectory is null ? BenchCatalog.Create(Path.Combine(work, "latency")) : BenchCatalog.Keep(Path.Combine(work, "latency"), indexDirectory);
        var watch = Stopwatch.StartNew();
        if (!reuse)
        {
            foreach (var (listing, owner) in new ListingGenerator(demo).Generate(listings))
            {
                catalog.Add(listing, owner);
            }

            // As the platform's rebuild leaves it (SearchIndexer.RebuildAsync).
            catalog.Index.MergeSegments();
            catalog.Index.Commit();
        }

        var (documents, segments) = catalog.Index.Search(s => (s.IndexReader.NumDocs, s.IndexReader.Leaves.Count));
        Line(string.Create(CultureInfo.InvariantCulture, $"## Latency\n\nListings generated from the real filings' and LLM list's vocabulary (bench/Catalog.Bench's generator) and indexed by the Catalog's indexer: {(reuse ? $"reused the index in {indexDirectory}" : $"{listings:N0} in {watch.Elapsed.TotalSeconds:F0} s")}; {documents:N0} documents in {segments} segments."));

        var templates = LabelledSet.Read(Path.Combine(AppContext.BaseDirectory, "labelled-set.yaml"));
        var path = Path.Combine(demo, "cac-algorithm-filings", "filings_guangdong.csv");
        using var csv = File.OpenRead(path);
        var purposes = ImportFormats.Parse(TabularFile.Read(csv, path)).Listings.Select(l => l.Content.SummaryZh).Where(p => p.Length > 0).ToList();
        var generator = new ScenarioGenerator(templates, purposes);
        var database = $"Data Source={Path.Combine(work, "latency", "scenarios.db")}";
        watch.Restart();
        var samples = LoadScenarios(database, generator, scenarios);
        Line(string.Create(CultureInfo.InvariantCulture, $"Scenarios generated from the labelled set's texts and real filing purposes, stored in SQLite by EF Core: {scenarios:N0} in {watch.Elapsed.TotalSeconds:F0} s.\n"));

        if (candidates is int budget)
        {
            catalog.Search.Budgets = catalog.Search.Budgets with { Candidates = budget };
        }

        if (parallelism is int threads)
        {
            catalog.Search.Budgets = catalog.Search.Budgets with { Parallelism = threads };
        }

        if (perNeed)
        {
            PerNeed(catalog, samples, Line);
            return report.ToString();
        }

        // Matchmaking alone, need after need, as a server answering needs runs it: first just after the process started
        // (the thirty samples below to warm up, then the hundred measured), then once it has answered ServedBefore other
        // needs, a hundred more it has not seen. The runtime keeps optimising the search's code and the index's common
        // terms and phrases are read into memory over the first few hundred needs (bench/results/scenarios.md, stop 45).
        var (started, startedCpu) = (new List<double>(), new List<double>());
        for (var i = -WarmUp; i < Queries; i++)
        {
            Alone(ScenarioGenerator.Query(samples[i >= -5 ? i + 5 : samples.Count + i + 5]), i >= 0 ? started : null, startedCpu);
        }

        // Stored needs that are not among the samples (those are the first of each batch), in the stored order.
        var others = new ScenarioGenerator(templates, purposes).Generate(OthersFrom + ServedBefore + Queries).Skip(OthersFrom).Select(ScenarioGenerator.Query).ToList();
        var (warm, warmCpu) = (new List<double>(), new List<double>());
        for (var i = 0; i < others.Count; i++)
        {
            Alone(others[i], i >= ServedBefore ? warm : null, warmCpu);
        }

        void Alone(MatchQuery query, List<double>? times, List<double> cpuTimes)
        {
            var cpu = ThreadTime.Milliseconds();
            var time = Time(() => MatchOnce(catalog.Search, query, database));
            if (times is not null)
            {
                times.Add(time);
                cpuTimes.Add(ThreadTime.Milliseconds() - cpu);
            }
        }

        using var baseline = new KeywordBaseline(catalog.Index);
        // The same search with every hit scored (before issue 12's budgets), to show what the budget saves and changes.
        var exact = new CatalogSearch(catalog.Index) { Budgets = HitBudgets.Unbounded };
        var unbounded = new List<double>();
        var keyword = new List<double>();
        var kept = new List<double>();
        var keptFirst = new List<double>();
        var keywordCpu = new List<double>();
        // The budget's cost in suppliers: the just-started run's hundred needs again, each also with every hit scored, and BM25's time.
        for (var i = 0; i < Queries; i++)
        {
            var query = ScenarioGenerator.Query(samples[i + 5]);
            var budgeted = MatchOnce(catalog.Search, query, database);
            IReadOnlyList<SupplierMatch> every = [];
            var unboundedTime = Time(() => every = MatchOnce(exact, query, database));
            var cpu = ThreadTime.Milliseconds();
            var keywordTime = Time(() => baseline.Search(query.Text, SupplierSearch.Shown));
            var ownKeyword = ThreadTime.Milliseconds() - cpu;
            unbounded.Add(unboundedTime);
            keyword.Add(keywordTime);
            keywordCpu.Add(ownKeyword);
            kept.Add(Kept(budgeted, every, SupplierSearch.Shown));
            keptFirst.Add(Kept(budgeted, every, FirstPage));
        }

        var hits = catalog.Search.Budgets.CandidatesFor(SupplierSearch.Candidates, CatalogTextMatch.AnyTerm);
        var searched = $"any-term search of {SupplierSearch.Candidates} candidates within a budget of {hits:N0} hits scored on up to {catalog.Search.Budgets.PartsFor(hits)} threads, stored fields and snippets, ranking with reasons";
        Line(Percentiles($"Scenario → suppliers, platform matchmaking, a server that has answered {ServedBefore} other needs ({searched})", warm));
        Line(Percentiles("The same in the query thread's CPU time (the wall clock also counts the time other processes held the cores)", warmCpu));
        Line(Percentiles($"Scenario → suppliers, platform matchmaking just after the process started ({WarmUp} needs to warm up, as stops 24–44 measured it, where each need was also followed by the two searches below)", started));
        Line(Percentiles("The same in the query thread's CPU time", startedCpu));
        Line(Percentiles("Scenario → suppliers, the same with every hit scored (no budget)", unbounded));
        Line(string.Create(CultureInfo.InvariantCulture, $"Share of the unbudgeted top {SupplierSearch.Shown} that the budgeted search also returns: mean {kept.Average():P0}, lowest {kept.Min():P0}; of its first {FirstPage}, in the budgeted first {FirstPage}: mean {keptFirst.Average():P0}, lowest {keptFirst.Min():P0}.\n"));
        Line(Percentiles("Scenario → suppliers, keyword baseline (BM25, every term of the scenario's text, top 50 ids)", keyword));
        Line(string.Create(CultureInfo.InvariantCulture, $"Ratio platform (just started) / baseline: p50 {Median(started) / Median(keyword):F2}×, p95 {P(started, 95) / P(keyword, 95):F2}×.\n"));
        Line(Percentiles("The keyword baseline in the query thread's CPU time", keywordCpu));
        TwoOwners(catalog, [.. Enumerable.Range(0, Queries).Select(i => ScenarioGenerator.Query(samples[i + 5]))], Line);

        var reverse = new List<double>();
        for (var i = -5; i < Queries; i++)
        {
            var (sectors, city) = generator.Profile();
            var time = Time(() =>
            {
                using var db = Open(database);
                ScenarioFits.FindAsync(db, sectors, city, CancellationToken.None).GetAwaiter().GetResult();
            });
            if (i >= 0)
            {
                reverse.Add(time);
            }
        }

        Line(Percentiles($"Enterprise → open scenarios over {scenarios:N0} scenarios (one or two sectors and a city, top {ScenarioFits.Shown} with open challenges)", reverse));
        Line(string.Create(CultureInfo.InvariantCulture, $"\nPeak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB."));
        return report.ToString();
    }

    /// <summary>
    /// Two owners' needs at once, each on its own thread, with a need's first pass and full query in parts on the
    /// allowed threads (<see cref="HitBudgets.Parallelism"/>) and on one: whether the parts still pay when another need
    /// holds the other core. Each setting twice, in turn, as the machine's speed wanders.
    /// </summary>
    private static void TwoOwners(BenchCatalog catalog, List<MatchQuery> needs, Action<string> line)
    {
        var oneThread = new CatalogSearch(catalog.Index) { Budgets = catalog.Search.Budgets with { Parallelism = 1 } };
        for (var round = 0; round < 2; round++)
        {
            foreach (var (search, threads) in new[] { (catalog.Search, catalog.Search.Budgets.Parallelism), (oneThread, 1) })
            {
                var times = new List<double>[2];
                var all = Stopwatch.StartNew();
                var owners = Enumerable.Range(0, 2).Select(owner => new Thread(() =>
                {
                    times[owner] = [.. Enumerable.Range(0, needs.Count).Select(i => needs[(i + (owner * needs.Count / 2)) % needs.Count])
                        .Select(need => Time(() => SupplierSearch.RankAsync(search, need, Qualifications, QualityRun.NoAwards, CancellationToken.None).GetAwaiter().GetResult()))];
                })).ToList();
                owners.ForEach(o => o.Start());
                owners.ForEach(o => o.Join());
                var perSecond = 2 * needs.Count / all.Elapsed.TotalSeconds;
                line(Percentiles(string.Create(CultureInfo.InvariantCulture,
                    $"Two owners' needs at once, a need on up to {threads} thread{(threads == 1 ? "" : "s")} ({perSecond:F1} needs/s in all)"), [.. times.SelectMany(t => t)]));
            }
        }
    }

    /// <summary>
    /// Each need's best time over <see cref="PerNeedRounds"/> rounds of the hundred that <see cref="Run"/> measures (the
    /// first round warms up), with the size of its query. The best of several runs leaves out most of what other
    /// processes and the collector add, so the mean of these moves with the code, not with the machine: alternate
    /// builds differing by a millisecond or two per need tell apart here, where the percentiles of one run each drift
    /// by more.
    /// </summary>
    private static void PerNeed(BenchCatalog catalog, List<ScenarioPost> samples, Action<string> line)
    {
        var needs = samples.Skip(5).Take(Queries).Select(ScenarioGenerator.Query).ToList();
        var best = needs.Select(_ => double.MaxValue).ToArray();
        var every = new List<double>();
        var collections = new int[3];
        var paused = TimeSpan.Zero;
        for (var round = 0; round < PerNeedRounds; round++)
        {
            if (round == 1)
            {
                // The measured rounds' garbage collections, counted from here (the warm-up round's loading excluded).
                collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                paused = GC.GetTotalPauseDuration();
            }

            for (var i = 0; i < needs.Count; i++)
            {
                var time = Time(() => SupplierSearch.RankAsync(catalog.Search, needs[i], Qualifications, QualityRun.NoAwards, CancellationToken.None).GetAwaiter().GetResult());
                if (round > 0)
                {
                    best[i] = Math.Min(best[i], time);
                    every.Add(time);
                }
            }
        }

        var sizes = needs.Select(need => catalog.Index.Search(searcher =>
        {
            var plan = QueryPlan.Build(need.SearchText, CatalogTextMatch.AnyTerm, catalog.Index.Analyzer, DomainGlossary.Shipped, searcher.IndexReader);
            static int Leaves(Lucene.Net.Search.Query query) => query is Lucene.Net.Search.BooleanQuery boolean ? boolean.Clauses.Sum(c => Leaves(c.Query)) : 1;
            return (Forms: plan.Concepts.Sum(c => c.Forms.Count), Leaves: Leaves(plan.ToQuery()));
        })).ToList();
        var times = best.ToList();
        line(string.Create(CultureInfo.InvariantCulture, $"Each need's best of {PerNeedRounds - 1} rounds after one to warm up, matchmaking (search and ranking, without the database's past awards; candidates scored on up to {catalog.Search.Budgets.Parallelism} threads): mean {times.Average():F1} ms, p50 {Median(times):F1} ms, p95 {P(times, 95):F1} ms over {times.Count} needs (load average {LoadAverage()}).\n"));
        line(Percentiles(string.Create(CultureInfo.InvariantCulture, $"Every run of those {PerNeedRounds - 1} rounds (matchmaking alone, as a server answering only needs; not the best of each)"), every));
        var pausedMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
        line(string.Create(CultureInfo.InvariantCulture, $"Garbage collection over those rounds ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC): {GC.CollectionCount(0) - collections[0]} of generation 0, {GC.CollectionCount(1) - collections[1]} of 1, {GC.CollectionCount(2) - collections[2]} of 2; the runtime paused for {pausedMs:F0} ms in all, {pausedMs / every.Count:F1} ms a need.\n"));
        line("| need | best ms | characters | glossary forms | leaf clauses |\n| ---: | ---: | ---: | ---: | ---: |");
        foreach (var i in Enumerable.Range(0, needs.Count).OrderByDescending(i => best[i]))
        {
            line(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {best[i]:F1} | {needs[i].SearchText.Length} | {sizes[i].Forms} | {sizes[i].Leaves} |"));
        }
    }

    /// <summary>A deterministic tenth of the generated owners hold a qualification (the platform asks the Catalog's database; see the report).</summary>
    private static Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> Qualifications(IReadOnlyList<Guid> owners, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>(owners.ToDictionary(o => o, o => (IReadOnlyList<string>)(o.ToByteArray()[0] < 26 ? ["specialised_sme"] : [])));

    private static List<ScenarioPost> LoadScenarios(string database, ScenarioGenerator generator, int count)
    {
        using (var db = Open(database))
        {
            db.Database.EnsureDeleted();
            db.Database.EnsureCreated();
        }

        var samples = new List<ScenarioPost>();
        foreach (var batch in generator.Generate(count).Chunk(Batch))
        {
            using var db = Open(database);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Scenarios.AddRange(batch);
            db.SaveChanges();
            samples.AddRange(batch.Where(p => p.Status == ScenarioStatus.Published).Take(SamplesPerBatch));
        }

        return samples;
    }

    /// <summary>One need's suppliers, as the matches page ranks them: the search, the past awards of the candidates' organisations from the database, the ranking with reasons.</summary>
    private static IReadOnlyList<SupplierMatch> MatchOnce(CatalogSearch search, MatchQuery query, string database)
    {
        using var db = Open(database);
        return SupplierSearch.RankAsync(search, query, Qualifications, (owners, ct) => FindMatches.PastAwardsAsync(db, owners, ct), CancellationToken.None).GetAwaiter().GetResult().Suppliers;
    }

    private static SqliteScenariosDb Open(string connection) => new(new DbContextOptionsBuilder<SqliteScenariosDb>().UseSqlite(connection).Options);

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double P(List<double> times, int percentile)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static double Median(List<double> times) => P(times, 50);

    /// <summary>The share of the exact search's first <paramref name="depth"/> listings that the budgeted search's first <paramref name="depth"/> also show.</summary>
    private static double Kept(IReadOnlyList<SupplierMatch> budgeted, IReadOnlyList<SupplierMatch> every, int depth)
    {
        var exact = every.Take(depth).Select(m => m.ListingId).ToList();
        return exact.Count == 0 ? 1 : budgeted.Take(depth).Select(m => m.ListingId).Intersect(exact).Count() / (double)exact.Count;
    }

    private static string Percentiles(string name, List<double> times) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: p50 {P(times, 50):F1} ms, p95 {P(times, 95):F1} ms, p99 {P(times, 99):F1} ms, fastest {times.Min():F1} ms over {times.Count} queries (load average {LoadAverage()}).\n");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
