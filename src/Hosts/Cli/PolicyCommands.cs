using System.CommandLine;
using System.Globalization;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Funeng.Policy;
using Funeng.Policy.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Funeng.Cli;

internal static class PolicyCommands
{
    public static Command Create(CliText text)
    {
        var validateDirectory = new Argument<DirectoryInfo>("DIR") { Description = text.Get("cli.policy.directory") };
        var validate = new Command("validate", text.Get("cli.policy.validate"));
        validate.Arguments.Add(validateDirectory);
        validate.SetAction(parse =>
        {
            var directory = parse.GetValue(validateDirectory)!;
            var errors = PolicyModule.ValidatePack(directory.FullName);
            return Report(errors, $"{directory.FullName} is a valid policy pack.");
        });

        var importDirectory = new Argument<DirectoryInfo>("DIR") { Description = text.Get("cli.policy.directory") };
        var import = new Command("import", text.Get("cli.policy.import"));
        import.Arguments.Add(importDirectory);
        import.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var directory = parse.GetValue(importDirectory)!;
            var startup = services.GetRequiredService<StartupSequence>();
            var commands = services.GetRequiredService<IPolicyPacks>();
            try
            {
                PolicyPackImport? result = null;
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Migrating database", maxValue: 3);
                    await startup.MigrateAsync(_ => { }, cancellationToken);
                    task.Increment(1);
                    task.Description = "Validating and importing";
                    result = await commands.ImportAsync(directory.FullName, cancellationToken);
                    task.Increment(2);
                    task.Description = "Done";
                });
                if (result!.Changed)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Imported pack {result.PackId} {result.Version}:[/] {result.Documents} documents, {result.Measures} measures, {result.Targets} targets.");
                }
                else
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Pack {result.PackId} {result.Version} is already loaded with these files; nothing changed.");
                }
                return 0;
            }
            catch (InvalidInputException e)
            {
                return Report(DataFileError.Among(e), "");
            }
        }));

        var policy = new Command("policy", text.Get("cli.policy"));
        policy.Subcommands.Add(validate);
        policy.Subcommands.Add(import);
        return policy;
    }

    private static int Report(IReadOnlyList<DataFileError> errors, string success)
    {
        if (errors.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{success}[/]");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]The pack was refused ({errors.Count} problem(s)); nothing was loaded:[/]");
        foreach (var error in errors)
        {
            Console.Error.WriteLine("  " + error);
        }

        return 1;
    }
}
