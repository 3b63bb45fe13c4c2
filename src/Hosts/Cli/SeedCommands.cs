using System.CommandLine;
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
            IReadOnlyList<string> lines = [];
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Migrating", maxValue: 3);
                await startup.MigrateAsync(_ => { }, cancellationToken);
                task.Increment(1);
                task.Description = "Loading policy pack";
                await startup.InitializeAsync(cancellationToken);
                task.Increment(1);
                task.Description = "Seeding demo data";
                lines = await startup.SeedDemoAsync(cancellationToken);
                task.Increment(1);
                task.Description = "Seeded";
            });
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            AnsiConsole.MarkupLine(lines.Count == 0 ? "Demo data was already there; nothing added." : "[green]Demo data seeded.[/]");
            return 0;
        }));

        var seed = new Command("seed", "Seed data.");
        seed.Subcommands.Add(demo);
        return seed;
    }
}
