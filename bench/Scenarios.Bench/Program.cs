using System.Globalization;
using Funeng.Scenarios.Bench;

// Usage: dotnet run -c Release --project bench/Scenarios.Bench -- [LISTINGS] [SCENARIOS] [--index DIR] [--candidates N]   (0 listings: quality only;
//            --index keeps the listings' index in DIR outside the repository: built there once, reused when it exists;
//            --candidates N sets the search's candidate budget for a page of 20, HitBudgets.Candidates;
//            --parallelism N scores a need's candidates on at most N threads, HitBudgets.Parallelism (default: one per core, at most 4);
//            --per-need: only each need's best time of several rounds, with its query's size → bench/results/scenarios-per-need.md,
//            to compare two builds)
//        dotnet run -c Release --project bench/Scenarios.Bench -- timesplit [--split train] [--sweep]
//            (issue 12's time-split evaluation: the test split by default → bench/results/timesplit.md; --split train
//            → bench/results/timesplit-train.md; --as-imported indexes the filings as the CAC importer maps them
//            → timesplit[-train]-imported.md; --sweep chooses SearchTuning's values on the training split;
//            --why KIND prints the training split's top 10 of each query of that kind with their grades;
//            TIMESPLIT_SWEEP_SPLIT=test TIMESPLIT_SWEEP_ROUNDS=0 … --sweep measures the shipped weights on the test
//            split with every filing graded → timesplit-graded-test.md, a before/after comparison no pool shapes;
//            --filings FILE --queries FILE [--out FILE] evaluates a set kept outside the project: every filing of FILE
//            (the CAC columns algorithm_name, entity, purpose; product, algorithm_class, filing_number if present),
//            queries as in timesplit-queries.tsv, the report → --out, by default ./timesplit-outside.md)
//        dotnet run -c Release --project bench/Scenarios.Bench -- why [N]
//            (the labelled set: matchmaking with one part changed at a time, then both top 10s of the N scenarios
//            where BM25 beats matchmaking by most, with grades and matched terms)
if (args is ["why", ..])
{
    var worst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12;
    QualityWhy.Run(Path.Combine(Path.GetTempPath(), "funeng-scenarios-bench"), worst, Console.Out);
    return 0;
}

if (args is ["timesplit", ..])
{
    var root = FindRepository();
    var filings = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "real", "cac-algorithm-filings", "filings.csv"));
    var queries = Path.Combine(AppContext.BaseDirectory, "timesplit-queries.tsv");
    var splitWork = Path.Combine(Path.GetTempPath(), "funeng-timesplit-bench");
    var train = args.Contains("--sweep") || Option(args, "--split") == "train";
    var command = $"dotnet run -c Release --project bench/Scenarios.Bench -- {string.Join(' ', args)}";
    if (Option(args, "--filings") is not null && (args.Contains("--sweep") || Option(args, "--why") is not null))
    {
        // Both would run on the project's filings and leave --filings unread.
        Console.Error.WriteLine("--filings evaluates an outside set with the shipped weights; it does not go with --sweep or --why.");
        return 2;
    }

    if (args.Contains("--plan"))
    {
        TimeSplitRun.Plans(splitWork, filings, Console.In, Console.Out);
        return 0;
    }

    if (Option(args, "--why") is { } kind)
    {
        TimeSplitRun.Why(splitWork, filings, queries, kind, Console.Out);
        return 0;
    }

    if (args.Contains("--sweep"))
    {
        var asImported = args.Contains("--as-imported");
        var sweep = TimeSplitRun.Sweep(splitWork, filings, queries, Console.Out, asImported);
        var onTest = TimeSplitRun.SweepMeasuresTestSplit;
        File.WriteAllText(Path.Combine(root, "bench", "results", onTest ? "timesplit-graded-test.md" : asImported ? "timesplit-sweep-imported.md" : "timesplit-sweep.md"),
            $"# {(onTest ? "The shipped weights on the test split, every filing graded" : "Tuning sweep on the training split")}\n\nCommand: `{(onTest ? "TIMESPLIT_SWEEP_SPLIT=test TIMESPLIT_SWEEP_ROUNDS=0 " : "")}{command}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n\n```\n{sweep}```\n");
        return 0;
    }

    var imported = args.Contains("--as-imported");
    if (Option(args, "--filings") is { } outsideFilings)
    {
        // An outside set: its own filings and queries, every filing searched, the report where --out says (never over the project's).
        try
        {
            var set = TimeSplitRun.EvaluationSet.Outside(Path.GetFullPath(outsideFilings), Path.GetFullPath(Option(args, "--queries") ?? throw new ArgumentException("--filings needs --queries FILE: kind, query and criteria separated by tabs")));
            var outside = TimeSplitRun.Run(splitWork, set, imported);
            var outsideReport = Path.GetFullPath(Option(args, "--out") ?? "timesplit-outside.md");
            File.WriteAllText(outsideReport, $"# Search evaluation on an outside set{(imported ? ", filings as the CAC importer maps them" : "")}\n\nCommand: `{command}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n\n{outside}");
            Console.WriteLine(outside);
            Console.WriteLine($"Written to {outsideReport}");
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            // A file from elsewhere is the likeliest to be wrong: say which file, line or column, not a stack trace.
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        return 0;
    }

    var text = TimeSplitRun.Run(splitWork, TimeSplitRun.EvaluationSet.OfSplit(filings, queries, train), imported);
    var header = $"# Time-split search evaluation{(train ? " (training split)" : "")}{(imported ? ", filings as the CAC importer maps them" : "")}\n\nCommand: `{command}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n\n";
    File.WriteAllText(Path.Combine(root, "bench", "results", (train ? "timesplit-train" : "timesplit") + (imported ? "-imported.md" : ".md")), header + text);
    Console.WriteLine(text);
    return 0;
}

var indexDirectory = Option(args, "--index") is { } given ? Path.GetFullPath(given) : null;
var candidates = Option(args, "--candidates") is { } budget ? int.Parse(budget, CultureInfo.InvariantCulture) : (int?)null;
var latencyCommand = $"dotnet run -c Release --project bench/Scenarios.Bench -- {string.Join(' ', args)}";
var perNeed = args.Contains("--per-need");
var parallelism = Option(args, "--parallelism") is { } threads ? int.Parse(threads, CultureInfo.InvariantCulture) : (int?)null;
args = [.. args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && Path.GetFullPath(a) != indexDirectory && (i == 0 || (args[i - 1] != "--candidates" && args[i - 1] != "--parallelism")))];
var listings = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var scenarios = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
if (listings > 0 && scenarios < LatencyRun.FewestScenarios)
{
    // Said before the quality run, not as an index out of range after it.
    Console.Error.WriteLine($"The latency run needs at least {LatencyRun.FewestScenarios:N0} scenarios (the second number), from which it draws the needs it times and warms up on; {scenarios:N0} given. `-- 0 0` runs the quality part alone.");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "funeng-scenarios-bench");
var report = new System.Text.StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# Matchmaking benchmark\n\nCommand: `{latencyCommand}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}, tiered compilation's call-counting delay {Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") ?? "100 (the runtime's default)"} ms as the web host is run with (docs/decisions/0020).\n");
perNeed &= listings > 0;
if (!perNeed)
{
    var quality = QualityRun.Run(work);
    Console.WriteLine(quality);
    report.AppendLine(quality);
}

if (listings > 0)
{
    var latency = LatencyRun.Run(work, listings, scenarios, indexDirectory, candidates, perNeed, parallelism);
    Console.WriteLine(latency);
    report.AppendLine(latency);
}

report.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}.");
var output = Path.Combine(FindRepository(), "bench", "results", perNeed ? "scenarios-per-need.md" : listings > 0 ? "scenarios.md" : "scenarios-quality.md");
File.WriteAllText(output, report.ToString());
Console.WriteLine($"Written to {output}");
return 0;

// The value after the option name, or null when the option is not given.
static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string FindRepository()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Funeng.slnx")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName ?? Directory.GetCurrentDirectory();
}
