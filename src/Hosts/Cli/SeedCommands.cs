using System.CommandLine;
using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Startup;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Funeng.Cli;

internal static class SeedCommands
{
    public static Command Create()
    {
        var demo = new Command("demo", "Migrate, load the default policy pack and add the demo organisations, accounts and data (idempotent).");
        demo.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var startup = services.GetRequiredService<StartupSequence>();
            var text = services.GetRequiredService<UiText>();
            // The operator's language: Chinese, the platform's default (the CLI has no language option yet).
            var culture = CultureInfo.GetCultureInfo(UiCultures.Chinese);
            string T(string key) => Markup.Escape(text.Get(key, culture));
            IReadOnlyList<string> lines = [];
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(T("seed.migrating"), maxValue: 3);
                await startup.MigrateAsync(_ => { }, cancellationToken);
                task.Increment(1);
                task.Description = T("seed.loading-pack");
                await startup.InitializeAsync(cancellationToken);
                task.Increment(1);
                task.Description = T("seed.seeding");
                lines = await startup.SeedDemoAsync(culture, cancellationToken);
                task.Increment(1);
                task.Description = T("seed.seeded");
            });
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            AnsiConsole.MarkupLine(lines.Count == 0 ? T("seed.nothing-added") : $"[green]{T("seed.done")}[/]");
            return 0;
        }));

        var seed = new Command("seed", "Seed data.");
        seed.Subcommands.Add(demo);
        return seed;
    }
}
