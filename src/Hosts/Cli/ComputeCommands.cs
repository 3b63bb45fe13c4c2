using System.CommandLine;
using System.Globalization;
using Funeng.Compute.Contracts;
using Funeng.Kernel.Web;
using Spectre.Console;

namespace Funeng.Cli;

/// <summary>
/// <c>funeng compute simulate</c>. Progress, the summary table and every problem read in the CLI's language from
/// Compute's strings.json; the JSON report keeps codes (policy and format names), as the simulations page reads it.
/// </summary>
internal static class ComputeCommands
{
    public static Command Create(CliText text)
    {
        var trace = new Option<FileInfo>("--trace") { Description = text.Get("cli.compute.trace"), Required = true };
        var format = new Option<string>("--format") { Description = text.Get("cli.compute.format"), Required = true };
        var centres = new Option<FileInfo>("--centres") { Description = text.Get("cli.compute.centres"), Required = true };
        var policies = new Option<string>("--policy") { Description = text.Get("cli.compute.policy"), DefaultValueFactory = _ => "fifo,earliest_finish" };
        var output = new Option<FileInfo?>("--output") { Description = text.Get("cli.compute.output") };
        var simulate = new Command("simulate", text.Get("cli.compute.simulate"));
        simulate.Options.Add(trace);
        simulate.Options.Add(format);
        simulate.Options.Add(centres);
        simulate.Options.Add(policies);
        simulate.Options.Add(output);
        simulate.SetAction(async (parse, cancellationToken) =>
        {
            if (!TraceSimulation.IsFormat(parse.GetValue(format)))
            {
                return Fail(text.Format("compute.cli.bad-format", parse.GetValue(format), TraceSimulation.FormatNames));
            }

            var chosen = parse.GetValue(policies)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (chosen.FirstOrDefault(name => !TraceSimulation.IsPolicy(name)) is { } unknown)
            {
                return Fail(text.Format("compute.cli.bad-policy", unknown, TraceSimulation.PolicyNames));
            }

            try
            {
                var file = parse.GetValue(trace)!.FullName;
                TraceSimulation? simulation = null;
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var reading = progress.AddTask(Markup.Escape(text.Format("compute.cli.reading", Path.GetFileName(file))), maxValue: 1);
                    simulation = await TraceSimulation.ReadAsync(file, parse.GetValue(format)!, parse.GetValue(centres)!.FullName, cancellationToken);
                    reading.Increment(1);
                    foreach (var policy in chosen)
                    {
                        var task = progress.AddTask(Markup.Escape(text.Format("compute.cli.replaying", PolicyLabel(text, policy))), maxValue: Math.Max(1, simulation.JobCount));
                        await Task.Run(() => simulation.Replay(policy, new Progress<int>(n => task.Value = n)), cancellationToken);
                        task.Value = task.MaxValue;
                    }
                });
                var json = simulation!.ReportJson();
                if (parse.GetValue(output) is not { } target)
                {
                    // Standard output carries the JSON alone, so that it can be piped.
                    Console.Out.WriteLine(json);
                    return 0;
                }

                await File.WriteAllTextAsync(target.FullName, json, cancellationToken);
                Summarise(text, simulation);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{text.Format("compute.cli.wrote", target.FullName)}[/]");
                return 0;
            }
            catch (InvalidInputException e)
            {
                return Fail([text.Get("compute.cli.refused"), .. text.Say(e).Select(line => "  " + line)]);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return Fail(text.Format("compute.cli.no-such-file", (e as FileNotFoundException)?.FileName ?? e.Message));
            }
            catch (IOException e)
            {
                // The system's own reason (a permission, a full disk) is passed on as it is worded.
                return Fail(text.Format("compute.cli.unreadable", e.Message));
            }
        });

        var compute = new Command("compute", text.Get("cli.compute"));
        compute.Subcommands.Add(simulate);
        return compute;
    }

    /// <summary>The policies side by side, as the simulations page shows them: one row a policy, FIFO's JCT as the yardstick.</summary>
    private static void Summarise(CliText text, TraceSimulation simulation)
    {
        var (traceName, format) = simulation.Source;
        AnsiConsole.WriteLine(text.Format("compute.cli.summary", traceName, format, simulation.JobCount, simulation.SkippedCount, simulation.CentreCount, simulation.DeviceCount));
        var table = new Table().AddColumns(
            Markup.Escape(text.Get("compute.why.policy")), Markup.Escape(text.Get("compute.sim.avg-jct")), Markup.Escape(text.Get("compute.sim.p95-jct")),
            Markup.Escape(text.Get("compute.sim.avg-queue")), Markup.Escape(text.Get("compute.sim.utilisation")), Markup.Escape(text.Get("compute.sim.cost")),
            Markup.Escape(text.Get("compute.sim.vs-fifo")));
        var fifo = simulation.Outcomes.FirstOrDefault(o => o.Policy == "fifo");
        static string Hours(double hours) => hours.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var o in simulation.Outcomes)
        {
            table.AddRow(
                Markup.Escape(PolicyLabel(text, o.Policy)), Hours(o.AverageJctHours), Hours(o.P95JctHours), Hours(o.AverageQueueHours),
                (o.Utilisation * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", "¥" + o.Cost.ToString("N0", CultureInfo.InvariantCulture),
                fifo is null || o.AverageJctHours <= 0 ? "—" : Hours(fifo.AverageJctHours / o.AverageJctHours) + "×");
        }

        AnsiConsole.Write(table);
    }

    // A policy's name in the reader's language; the code stays beside it, as it is typed on the command line.
    private static string PolicyLabel(CliText text, string policy) => $"{text.Get("compute.policy." + policy.Trim())} ({policy.Trim()})";

    private static int Fail(params string[] lines)
    {
        foreach (var line in lines)
        {
            Console.Error.WriteLine(line);
        }

        return 1;
    }
}
