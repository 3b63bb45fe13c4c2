using System.CommandLine;
using Funeng.Cli;

// The language is decided before the tree is built, so that help texts are in it too (docs/decisions/0015).
var text = CliText.For(args, Environment.GetEnvironmentVariable);
// Piped output has no terminal to measure: Spectre then assumes 80 columns and wraps table headings and paths
// mid-word; COLUMNS (or 200) keeps a line whole for whoever reads the file.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : 200;
}

var root = new RootCommand(text.Get("cli.root"));
root.Options.Add(text.Option);
foreach (var option in root.Options)
{
    // System.CommandLine words these itself, in English even where its Chinese resources have the headings.
    option.Description = option switch
    {
        System.CommandLine.Help.HelpOption => text.Get("cli.help"),
        VersionOption => text.Get("cli.version"),
        _ => option.Description,
    };
}

root.Subcommands.Add(DatabaseCommands.Create(text));
root.Subcommands.Add(PolicyCommands.Create(text));
root.Subcommands.Add(SeedCommands.Create(text));
root.Subcommands.Add(AuditCommands.Create(text));
root.Subcommands.Add(UserCommands.Create(text));
root.Subcommands.Add(ComputeCommands.Create(text));
root.Subcommands.Add(IndexCommands.Create(text));
root.Subcommands.Add(IncentivesCommands.Create(text));
foreach (var command in CatalogCommandLine.Create(text))
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
