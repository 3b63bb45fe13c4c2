using System.CommandLine;
using System.Globalization;
using Funeng.Catalog;
using Funeng.Catalog.Contracts;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Funeng.Cli;

/// <summary><c>funeng catalog import FILE</c> and <c>funeng search rebuild</c>.</summary>
internal static class CatalogCommandLine
{
    public static IEnumerable<Command> Create(CliText text)
    {
        var file = new Argument<FileInfo>("FILE") { Description = text.Get("cli.catalog.import.file") };
        var import = new Command("import", text.Get("cli.catalog.import"));
        import.Arguments.Add(file);
        import.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine(text.Format("cli.catalog.no-file", path.FullName));
                return 2;
            }

            await services.GetRequiredService<StartupSequence>().MigrateAsync(_ => { }, cancellationToken);
            CatalogImportOutcome? outcome = null;
            await AnsiConsole.Status().StartAsync(Markup.Escape(text.Format("cli.catalog.importing", path.Name)), async status =>
                outcome = await services.GetRequiredService<ICatalogCommands>().ImportAsync(path.FullName, new Progress<string>(s => status.Status(s)), cancellationToken));
            if (outcome!.Problems.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{text.Format("cli.catalog.refused", path.Name, outcome.Problems.Count)}[/]");
                foreach (var problem in outcome.Problems)
                {
                    Console.Error.WriteLine("  " + problem);
                }

                return 1;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]{text.Format("cli.catalog.imported", path.Name, outcome.Format, outcome.Rows, outcome.Added, outcome.Updated, outcome.Unchanged, outcome.OrganisationsAdded)}[/]");
            foreach (var note in outcome.Notes)
            {
                Console.WriteLine(note);
            }

            var catchUp = services.GetRequiredService<IOptions<CatalogOptions>>().Value.IndexCatchUpSeconds;
            Console.WriteLine(outcome.IndexedHere
                ? text.Get("cli.catalog.indexed-here")
                : text.Format("cli.catalog.catch-up", catchUp));
            return 0;
        }));
        var catalog = new Command("catalog", text.Get("cli.catalog"));
        catalog.Subcommands.Add(import);

        var rebuild = new Command("rebuild", text.Get("cli.search.rebuild"));
        rebuild.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            await services.GetRequiredService<StartupSequence>().MigrateAsync(_ => { }, cancellationToken);
            try
            {
                return await RebuildAsync(text, services, cancellationToken);
            }
            catch (DomainRuleException e)
            {
                Console.Error.WriteLine(text.Say(e.Description));
                return 1;
            }
        }));
        var search = new Command("search", text.Get("cli.search"));
        search.Subcommands.Add(rebuild);
        return [catalog, search];
    }

    private static async Task<int> RebuildAsync(CliText text, IServiceProvider services, CancellationToken cancellationToken)
    {
        var count = 0;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(Markup.Escape(text.Get("cli.search.indexing")), maxValue: 1);
            count = await services.GetRequiredService<ICatalogCommands>().RebuildSearchIndexAsync(
                new Progress<(int Done, int Total)>(p => { task.MaxValue = Math.Max(1, p.Total); task.Value = p.Done; }), cancellationToken);
            task.Value = task.MaxValue;
        });
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{text.Format("cli.search.rebuilt", count)}[/]");
        return 0;
    }
}
