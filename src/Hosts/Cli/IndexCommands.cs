using System.CommandLine;
using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Commands = Funeng.Index.Contracts.IndexCommands;

namespace Funeng.Cli;

/// <summary>
/// <c>funeng index …</c>. What the commands tell the operator comes from Index's strings.json in the language of
/// <c>--culture</c> (zh-CN by default, as the workbook's); the help texts are the CLI's own, in English.
/// </summary>
internal static class IndexCommands
{
    public static Command Create()
    {
        var culture = new Option<string>("--culture") { Description = "The language of messages, problems and the workbook: zh-CN (default) or en.", DefaultValueFactory = _ => UiCultures.Chinese, Recursive = true };
        culture.AcceptOnlyFromAmong([.. UiCultures.All]);
        CultureInfo Culture(ParseResult parse) => CultureInfo.GetCultureInfo(parse.GetValue(culture)!);

        var file = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file with the header indicator,scope,year,value,source[,status][,note]." };
        var import = new Command("import", "Import observations, all rows or none; every problem is named by row and column.");
        import.Arguments.Add(file);
        import.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var text = services.GetRequiredService<UiText>();
            await services.GetRequiredService<StartupSequence>().MigrateAsync(_ => { }, cancellationToken);
            var result = await services.GetRequiredService<Commands>().ImportAsync(parse.GetValue(file)!.FullName, Culture(parse), cancellationToken);
            foreach (var note in result.Notes)
            {
                Console.Error.WriteLine(note);
            }

            if (result.Problems.Count == 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{ProblemMessage.Of("index.import.done", result.Imported).In(text, Culture(parse))}[/]");
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{text.Get("index.import.refused", Culture(parse))}[/]");
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
            var text = services.GetRequiredService<UiText>();
            var language = Culture(parse);
            IReadOnlyList<Commands.CityRank> ranking = [];
            await AnsiConsole.Status().StartAsync(Markup.Escape(text.Get("index.cli.computing", language)), async _ =>
                ranking = await services.GetRequiredService<Commands>().RankingAsync(parse.GetValue(year), parse.GetValue(draws), cancellationToken));
            var table = new Table().AddColumns(
                Markup.Escape(text.Get("index.rank", language)), Markup.Escape(text.Get("index.city", language)),
                Markup.Escape(text.Get("index.score", language)), Markup.Escape(text.Get("index.interval", language)));
            foreach (var city in ranking)
            {
                table.AddRow(city.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(city.Name.In(language)), city.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—", $"{city.RankLow}–{city.RankHigh}");
            }

            AnsiConsole.Write(table);
            return 0;
        }));

        var output = new Option<FileInfo>("--out") { Description = "Where to write the workbook.", Required = true };
        var exportYear = new Option<int>("--year") { Description = "The index year.", DefaultValueFactory = _ => DateTime.UtcNow.Year };
        var export = new Command("export", "Write indicators, observations (with history) and the year's index to an Excel workbook.");
        export.Options.Add(exportYear);
        export.Options.Add(output);
        export.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var path = parse.GetValue(output)!.FullName;
            await services.GetRequiredService<Commands>().ExportAsync(parse.GetValue(exportYear), path, Culture(parse), cancellationToken);
            var wrote = ProblemMessage.Of("index.cli.wrote", path).In(services.GetRequiredService<UiText>(), Culture(parse));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{wrote}[/]");
            return 0;
        }));

        var index = new Command("index", "The empowerment index: import observations, rebuild the index, export a workbook.");
        index.Options.Add(culture);
        index.Subcommands.Add(import);
        index.Subcommands.Add(rebuild);
        index.Subcommands.Add(export);
        return index;
    }
}
