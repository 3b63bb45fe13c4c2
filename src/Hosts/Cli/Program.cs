using System.CommandLine;
using Funeng.Cli;

var root = new RootCommand("funeng: administer the Funeng platform (database, policy packs, demo data, audit log).");
root.Subcommands.Add(DatabaseCommands.Create());
root.Subcommands.Add(PolicyCommands.Create());
root.Subcommands.Add(SeedCommands.Create());
root.Subcommands.Add(AuditCommands.Create());
root.Subcommands.Add(UserCommands.Create());
root.Subcommands.Add(ComputeCommands.Create());
root.Subcommands.Add(IndexCommands.Create());
root.Subcommands.Add(IncentivesCommands.Create());
foreach (var command in CatalogCommandLine.Create())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
