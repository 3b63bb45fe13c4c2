using System.CommandLine;
using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Startup;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Commands = Funeng.Index.Contracts.IndexCommands;

namespace Funeng.Cli;

/// <summary>
/// <c>funeng index …</c>. What the commands tell the operator comes from Index's strings.json, and the workbook is
/// written, in the CLI's one language (<see cref="CliText"/>: zh-CN unless <c>--culture en</c> or the environment
/// says otherwise); the help texts come from the CLI's strings.json in the same language.
/// </summary>
internal static class IndexCommands
{
    public static Command Create(CliText text)
    {
        var language = text.Culture;
        var file = new Argument<FileInfo>("FILE") { Description = text.Get("cli.index.import.file") };
        var import = new Command("import", text.Get("cli.index.import"));
        import.Arguments.Add(file);
        import.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            await services.GetRequiredService<StartupSequence>().MigrateAsync(_ => { }, cancellationToken);
            var result = await services.GetRequiredService<Commands>().ImportAsync(parse.GetValue(file)!.FullName, language, cancellationToken);
            foreach (var note in result.Notes)
            {
                Console.Error.WriteLine(note);
            }

            if (result.Problems.Count == 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{text.Format("index.import.done", result.Imported)}[/]");
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{text.Get("index.import.refused")}[/]");
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine("  " + problem);
            }

            return 1;
        }));

        var year = new Option<int>("--year") { Description = text.Get("cli.index.year"), DefaultValueFactory = _ => ChinaTime.ToChina(DateTimeOffset.UtcNow).Year };
        var draws = new Option<int>("--draws") { Description = text.Get("cli.index.draws"), DefaultValueFactory = _ => 10_000 };
        var rebuild = new Command("rebuild", text.Get("cli.index.rebuild"));
        rebuild.Options.Add(year);
        rebuild.Options.Add(draws);
        rebuild.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            IReadOnlyList<Commands.CityRank> ranking = [];
            await AnsiConsole.Status().StartAsync(Markup.Escape(text.Get("index.cli.computing")), async _ =>
                ranking = await services.GetRequiredService<Commands>().RankingAsync(parse.GetValue(year), parse.GetValue(draws), cancellationToken));
            var table = new Table().AddColumns(
                Markup.Escape(text.Get("index.rank")), Markup.Escape(text.Get("index.city")),
                Markup.Escape(text.Get("index.score")), Markup.Escape(text.Get("index.interval")));
            foreach (var city in ranking)
            {
                table.AddRow(city.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(city.Name.In(language)), city.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—", $"{city.RankLow}–{city.RankHigh}");
            }

            AnsiConsole.Write(table);
            return 0;
        }));

        var output = new Option<FileInfo>("--out") { Description = text.Get("cli.index.out"), Required = true };
        var exportYear = new Option<int>("--year") { Description = text.Get("cli.index.year"), DefaultValueFactory = _ => ChinaTime.ToChina(DateTimeOffset.UtcNow).Year };
        var export = new Command("export", text.Get("cli.index.export"));
        export.Options.Add(exportYear);
        export.Options.Add(output);
        export.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var path = parse.GetValue(output)!.FullName;
            await services.GetRequiredService<Commands>().ExportAsync(parse.GetValue(exportYear), path, language, cancellationToken);
            var wrote = text.Format("index.cli.wrote", path);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{wrote}[/]");
            return 0;
        }));

        var index = new Command("index", text.Get("cli.index"));
        index.Subcommands.Add(import);
        index.Subcommands.Add(rebuild);
        index.Subcommands.Add(export);
        return index;
    }
}
