using System.Diagnostics;
using System.Globalization;
using System.Text;
using Funeng.Incentives.Bench;
using Funeng.Incentives.Rules;
using Funeng.Incentives.Screening;
using RulesEngine.Models;

// Usage: dotnet run -c Release --project bench/Incentives.Bench -- [COUNT] [OUTPUT.md]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var output = args.Length > 1 ? args[1] : null;
var date = new DateOnly(2026, 6, 30);
var report = new StringBuilder();
void Line(string text = "")
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

var pack = ProgramPackReader.Read(Path.Combine(AppContext.BaseDirectory, "policies", "guangdong"));
var programs = pack.Programs;
var timelines = programs.ToDictionary(p => p.Id, p => new ParameterTimeline(p));
var enterprises = new EnterpriseGenerator(seed: 20261123).Generate(count);
var pairs = (long)count * programs.Count;
Line("# Incentives screening benchmark");
Line();
Line($"Command: `dotnet run -c Release --project bench/Incentives.Bench{(args.Length > 0 ? " -- " + args[0] : "")}`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
     $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {LoadAverage()}.");
Line();
Line($"{count:N0} generated enterprises (seed 20261123; 21 cities weighted by CAC AI filings, 4 sizes, revenue, R&D spend, 15 sectors, " +
     $"dated qualifications, {enterprises.Count(e => e.Values["untrustworthy"] == "true"):N0} on the untrustworthy list, 4 % of facts missing) " +
     $"× {programs.Count} programs of the Guangdong pack ({string.Join(", ", programs.Select(p => p.Id))}) = {pairs:N0} verdicts, screened on {date:yyyy-MM-dd}.");
Line();

// Warm up both engines on a slice, so that the timings below are of steady-state work, not JIT or expression compilation.
var warm = enterprises.Take(2_000).Select(e => pack.Facts.Type(e, out _)).ToArray();
Screener.Screen(programs, timelines, warm, date);
var settings = new ReSettings { CustomTypes = [typeof(RuleQualification)], EnableExceptionAsErrorMessage = false };
var engine = new RulesEngine.RulesEngine(programs.Select(p => RulesEngineProgram.Translate(p, timelines[p.Id], date)).ToArray(), settings);
var day = new RuleParameter("d", new RuleDay(date.DayNumber));
foreach (var e in enterprises.Take(2_000))
{
    foreach (var program in programs)
    {
        await engine.ExecuteAllRulesAsync(program.Id, new RuleParameter("f", RulesEngineProgram.Input(e)), day);
    }
}

// 1. The platform: type the stored facts (as a screening does after loading the profiles), then the module's
// Screener, which compiles each program for the date and evaluates every enterprise.
var typed = new Facts[count];
ScreenedVerdict[] platform = [];
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var ours = Measure(5, threads => Parallel.For(0, count, Options(threads), i => typed[i] = pack.Facts.Type(enterprises[i], out _)),
    threads => platform = Screener.Screen(programs, timelines, typed, date, parallelism: threads));
var platformAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 10; // 5 rounds × 2 thread counts
var platformPeak = PeakWorkingSet();

// 2. Microsoft RulesEngine 6.0.1: the same rules (generated from the program files), the same facts, the same threads.
var inputs = new RuleFacts[count];
var theirs = new EligibilityOutcome[pairs];
allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var rules = Measure(3, threads => Parallel.For(0, count, Options(threads), i => inputs[i] = RulesEngineProgram.Input(enterprises[i])),
    threads => Parallel.ForAsync(0, count, Options(threads), async (e, cancellationToken) =>
    {
        var facts = new RuleParameter("f", inputs[e]);
        for (var p = 0; p < programs.Count; p++)
        {
            var results = await engine.ExecuteAllRulesAsync(programs[p].Id, [facts, day], cancellationToken);
            theirs[(e * programs.Count) + p] = RulesEngineProgram.Outcome(results);
        }
    }).GetAwaiter().GetResult());
var rulesAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 6;
var rulesPeak = PeakWorkingSet();

Line("Median of rounds (5 for the platform, 3 for RulesEngine); \"prepare\" turns the stored text facts into each engine's input.");
Line();
Line("| engine | threads | prepare | evaluate | whole screening | verdicts/s (evaluate) | enterprises/s (whole) |");
Line("| --- | --- | --- | --- | --- | --- | --- |");
foreach (var (name, timing) in new[] { ("Funeng Screener", ours), ("RulesEngine 6.0.1", rules) })
{
    foreach (var (threads, prepare, evaluate) in new[] { (Environment.ProcessorCount, timing.Prepare, timing.Evaluate), (1, timing.PrepareOne, timing.EvaluateOne) })
    {
        Line($"| {name} | {threads} | {Ms(prepare)} | {Ms(evaluate)} | {Ms(prepare + evaluate)} | {Rate(pairs, evaluate)} | {Rate(count, prepare + evaluate)} |");
    }
}

Line();
Line($"Memory: the platform allocates {platformAllocated / 1048576.0:0.0} MB per screening, RulesEngine {rulesAllocated / 1048576.0:0.0} MB; " +
     $"peak working set of the process {platformPeak / 1048576.0:0} MB after the platform's rounds, {rulesPeak / 1048576.0:0} MB after RulesEngine's.");
Line();
Line($"Verdicts: platform {Tally(platform.Select(v => v.Outcome))}; RulesEngine {Tally(theirs)}.");
Line();

var agree = 0L;
var disagreements = new List<string>();
for (var i = 0L; i < pairs; i++)
{
    if (platform[i].Outcome == theirs[i])
    {
        agree++;
    }
    else if (disagreements.Count < 5)
    {
        disagreements.Add($"enterprise {i / programs.Count}, {programs[(int)(i % programs.Count)].Id}: platform {platform[i].Outcome}, RulesEngine {theirs[i]}");
    }
}

Line("## Comparison");
Line();
Line($"- agreement on eligible / ineligible / unknown: {agree:N0} of {pairs:N0} verdicts{(agree == pairs ? " (all)" : "")}");
foreach (var d in disagreements)
{
    Line($"  - differs: {d}");
}

var (ourWhole, theirWhole) = (ours.Prepare + ours.Evaluate, rules.Prepare + rules.Evaluate);
var (ourOne, theirOne) = (ours.PrepareOne + ours.EvaluateOne, rules.PrepareOne + rules.EvaluateOne);
Line($"- whole screening, {Environment.ProcessorCount} threads: platform {Ms(ourWhole)}, RulesEngine {Ms(theirWhole)}: **{theirWhole / ourWhole:0.0}×**; evaluation alone {rules.Evaluate / ours.Evaluate:0.0}×");
Line($"- whole screening, 1 thread: platform {Ms(ourOne)}, RulesEngine {Ms(theirOne)}: **{theirOne / ourOne:0.0}×**; evaluation alone {rules.EvaluateOne / ours.EvaluateOne:0.0}×");
var best = ourWhole < ourOne ? ourWhole : ourOne;
Line($"- aim (whole screening < 1 s, ≥ 10× RulesEngine): {(best.TotalSeconds < 1 && theirWhole / ourWhole >= 10 && theirOne / ourOne >= 10 ? "met" : "not met")}");
if (output is not null)
{
    await File.WriteAllTextAsync(output, report.ToString());
}

return agree == pairs ? 0 : 1;

static Timing Measure(int rounds, Action<int> prepare, Action<int> evaluate)
{
    var threads = Environment.ProcessorCount;
    return new Timing(Median(rounds, () => prepare(threads)), Median(rounds, () => evaluate(threads)), Median(rounds, () => prepare(1)), Median(rounds, () => evaluate(1)));
}

static ParallelOptions Options(int threads) => new() { MaxDegreeOfParallelism = threads };

static TimeSpan Median(int rounds, Action work)
{
    var times = new List<TimeSpan>();
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        work();
        times.Add(watch.Elapsed);
    }

    return times.Order().ElementAt(rounds / 2);
}

static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:N1} ms";

static string Rate(long n, TimeSpan t) => (n / t.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

static string Tally(IEnumerable<EligibilityOutcome> outcomes) =>
    string.Join(", ", outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count():N0}"));

static long PeakWorkingSet()
{
    using var process = Process.GetCurrentProcess();
    return process.PeakWorkingSet64;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

internal sealed record Timing(TimeSpan Prepare, TimeSpan Evaluate, TimeSpan PrepareOne, TimeSpan EvaluateOne);
