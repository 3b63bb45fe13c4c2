using System.CommandLine;
using System.Globalization;
using Funeng.Compute.Contracts;
using Spectre.Console;

namespace Funeng.Cli;

internal static class ComputeCommands
{
    public static Command Create()
    {
        var trace = new Option<FileInfo>("--trace") { Description = "The job trace to replay.", Required = true };
        var format = new Option<string>("--format") { Description = "philly (cluster_job_log), alibaba (pai_task_table.csv, or a v2023 openb_pod_list csv by its header), alibaba-openb or csv (job_id,user,submit_seconds,duration_seconds,gpus).", Required = true };
        var centres = new Option<FileInfo>("--centres") { Description = "The centres to plan with (JSON: centres, pools, latencies).", Required = true };
        var policies = new Option<string>("--policy") { Description = "One or more policies, comma-separated: fifo, cheapest, earliest_finish, data_locality, fair_share.", DefaultValueFactory = _ => "fifo,earliest_finish" };
        var output = new Option<FileInfo?>("--output") { Description = "Write the JSON report here instead of to standard output." };
        var simulate = new Command("simulate", "Replay a GPU-cluster trace across centres under each policy; report JCT, queueing delay, utilisation and cost as JSON.");
        simulate.Options.Add(trace);
        simulate.Options.Add(format);
        simulate.Options.Add(centres);
        simulate.Options.Add(policies);
        simulate.Options.Add(output);
        simulate.SetAction(async (parse, cancellationToken) =>
        {
            if (!TraceSimulation.IsFormat(parse.GetValue(format)))
            {
                return Fail($"--format '{parse.GetValue(format)}' is not one of {string.Join(", ", TraceSimulation.FormatNames)}.");
            }

            var chosen = parse.GetValue(policies)!.Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (chosen.FirstOrDefault(name => !TraceSimulation.IsPolicy(name)) is { } unknown)
            {
                return Fail($"--policy '{unknown}' is not one of {string.Join(", ", TraceSimulation.PolicyNames)}.");
            }

            try
            {
                var file = parse.GetValue(trace)!.FullName;
                TraceSimulation? simulation = null;
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var reading = progress.AddTask($"Reading {Path.GetFileName(file)}", maxValue: 1);
                    simulation = await TraceSimulation.ReadAsync(file, parse.GetValue(format)!, parse.GetValue(centres)!.FullName, cancellationToken);
                    reading.Increment(1);
                    foreach (var policy in chosen)
                    {
                        var task = progress.AddTask($"Replaying under {policy.Trim()}", maxValue: Math.Max(1, simulation.JobCount));
                        await Task.Run(() => simulation.Replay(policy, new Progress<int>(n => task.Value = n)), cancellationToken);
                        task.Value = task.MaxValue;
                    }
                });
                var text = simulation!.ReportJson();
                if (parse.GetValue(output) is { } target)
                {
                    await File.WriteAllTextAsync(target.FullName, text, cancellationToken);
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Wrote {target.FullName}[/]");
                }
                else
                {
                    Console.Out.WriteLine(text);
                }

                return 0;
            }
            catch (InvalidDataException e)
            {
                return Fail(e.Message);
            }
            catch (IOException e)
            {
                return Fail(e.Message);
            }
        });

        var compute = new Command("compute", "The compute network: plan capacity with trace replays.");
        compute.Subcommands.Add(simulate);
        return compute;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
