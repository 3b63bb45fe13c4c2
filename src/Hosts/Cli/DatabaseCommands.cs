using System.CommandLine;
using System.Globalization;
using Funeng.Kernel.Database;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Funeng.Cli;

internal static class DatabaseCommands
{
    public static Command Create(CliText text)
    {
        var migrate = new Command("migrate", text.Get("cli.db.migrate"));
        migrate.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var migrator = services.GetRequiredService<DatabaseMigrator>();
            var settings = services.GetRequiredService<DatabaseSettings>();
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{text.Format("cli.db.provider", settings.Provider)}");
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(text.Get("cli.db.migrating")), maxValue: migrator.Databases.Count);
                foreach (var database in migrator.Databases)
                {
                    task.Description = Markup.Escape(text.Format("cli.db.migrating-module", database.Module));
                    await migrator.MigrateAsync(database, cancellationToken);
                    task.Increment(1);
                }

                task.Description = Markup.Escape(text.Get("cli.db.migrated"));
            });
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{text.Format("cli.db.up-to-date", migrator.Databases.Count)}[/]");
            return 0;
        }));

        var db = new Command("db", text.Get("cli.db"));
        db.Subcommands.Add(migrate);
        return db;
    }
}
