using System.CommandLine;
using Funeng.Kernel.Startup;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Funeng.Cli;

internal static class SeedCommands
{
    public static Command Create(CliText text)
    {
        var demo = new Command("demo", text.Get("cli.seed.demo"));
        demo.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var startup = services.GetRequiredService<StartupSequence>();
            var lines = new List<string>();
            IReadOnlyList<string> seeded = [];
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(text.Get("cli.seed.migrating")), maxValue: 3);
                await startup.MigrateAsync(_ => { }, cancellationToken);
                task.Increment(1);
                task.Description = Markup.Escape(text.Get("cli.seed.loading-pack"));
                await startup.InitializeAsync(lines.Add, cancellationToken);
                task.Increment(1);
                task.Description = Markup.Escape(text.Get("cli.seed.seeding"));
                seeded = await startup.SeedDemoAsync(cancellationToken);
                lines.AddRange(seeded);
                task.Increment(1);
                task.Description = Markup.Escape(text.Get("cli.seed.seeded"));
            });
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            AnsiConsole.MarkupLine(seeded.Count == 0 ? Markup.Escape(text.Get("cli.seed.already")) : $"[green]{Markup.Escape(text.Get("cli.seed.done"))}[/]");
            return 0;
        }));

        var seed = new Command("seed", text.Get("cli.seed"));
        seed.Subcommands.Add(demo);
        return seed;
    }
}
