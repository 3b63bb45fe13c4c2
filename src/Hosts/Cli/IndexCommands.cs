using System.CommandLine;
using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Startup;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Commands = Funeng.Index.Contracts.IndexCommands;

namespace Funeng.Cli;

internal static class IndexCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file with the header indicator,scope,year,value,source[,status][,note]." };
        var import = new Command("import", "Import observations, all rows or none; every problem is named by row and column.");
        import.Arguments.Add(file);
        import.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            await services.GetRequiredService<StartupSequence>().MigrateAsync(_ => { }, cancellationToken);
            var result = await services.GetRequiredService<Commands>().ImportAsync(parse.GetValue(file)!.FullName, CultureInfo.GetCultureInfo(UiCultures.English), cancellationToken);
            foreach (var note in result.Notes)
            {
                Console.Error.WriteLine(note);
            }

            if (result.Problems.Count == 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Imported {result.Imported} observations.[/]");
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]The file was refused ({result.Problems.Count} problem(s)); nothing was imported:[/]");
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine("  " + problem);
            }

            return 1;
        }));

        var year = new Option<int>("--year") { Description = "The index year.", DefaultValueFactory = _ => DateTime.UtcNow.Year };
        var draws = new Option<int>("--draws") { Description = "Random draws of the sensitivity analysis.", DefaultValueFactory = _ => 10_000 };
        var rebuild = new Command("rebuild", "Recompute the year's index with its sensitivity analysis and print the ranking with rank intervals.");
        rebuild.Options.Add(year);
        rebuild.Options.Add(draws);
        rebuild.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            IReadOnlyList<Commands.CityRank> ranking = [];
            await AnsiConsole.Status().StartAsync("Computing the index and its sensitivity analysis", async _ =>
                ranking = await services.GetRequiredService<Commands>().RankingAsync(parse.GetValue(year), parse.GetValue(draws), cancellationToken));
            var table = new Table().AddColumns("rank", "city", "score", "rank interval (5–95%)");
            foreach (var city in ranking)
            {
                table.AddRow(city.Rank.ToString(CultureInfo.InvariantCulture), city.Name, city.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—", $"{city.RankLow}–{city.RankHigh}");
            }

            AnsiConsole.Write(table);
            return 0;
        }));

        var output = new Option<FileInfo>("--out") { Description = "Where to write the workbook.", Required = true };
        var exportYear = new Option<int>("--year") { Description = "The index year.", DefaultValueFactory = _ => DateTime.UtcNow.Year };
        var exportCulture = new Option<string>("--culture") { Description = "The language of the sheet names and headers: zh-CN (default) or en.", DefaultValueFactory = _ => UiCultures.Chinese };
        exportCulture.AcceptOnlyFromAmong([.. UiCultures.All]);
        var export = new Command("export", "Write indicators, observations (with history) and the year's index to an Excel workbook.");
        export.Options.Add(exportYear);
        export.Options.Add(exportCulture);
        export.Options.Add(output);
        export.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var path = parse.GetValue(output)!.FullName;
            await services.GetRequiredService<Commands>().ExportAsync(parse.GetValue(exportYear), path, CultureInfo.GetCultureInfo(parse.GetValue(exportCulture)!), cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Wrote {path}.[/]");
            return 0;
        }));

        var index = new Command("index", "The empowerment index: import observations, rebuild the index, export a workbook.");
        index.Subcommands.Add(import);
        index.Subcommands.Add(rebuild);
        index.Subcommands.Add(export);
        return index;
    }
}
