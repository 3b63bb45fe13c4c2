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
            return Report(text, errors, text.Format("cli.policy.valid", directory.FullName));
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
                    var task = progress.AddTask(Markup.Escape(text.Get("cli.policy.migrating")), maxValue: 3);
                    await startup.MigrateAsync(_ => { }, cancellationToken);
                    task.Increment(1);
                    task.Description = Markup.Escape(text.Get("cli.policy.importing"));
                    result = await commands.ImportAsync(directory.FullName, cancellationToken);
                    task.Increment(2);
                    task.Description = Markup.Escape(text.Get("cli.policy.done"));
                });
                if (result!.Changed)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{text.Format("cli.policy.imported", result.PackId, result.Version, result.Documents, result.Measures, result.Targets)}[/]");
                }
                else
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{text.Format("cli.policy.unchanged", result.PackId, result.Version)}");
                }
                return 0;
            }
            catch (InvalidInputException e)
            {
                return Report(text, DataFileError.Among(e), "");
            }
        }));

        var policy = new Command("policy", text.Get("cli.policy"));
        policy.Subcommands.Add(validate);
        policy.Subcommands.Add(import);
        return policy;
    }

    private static int Report(CliText text, IReadOnlyList<DataFileError> errors, string success)
    {
        if (errors.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{success}[/]");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{text.Format("cli.policy.refused", errors.Count)}[/]");
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"  {error.Location}: {text.Say(error.Description)}");
        }

        return 1;
    }
}
