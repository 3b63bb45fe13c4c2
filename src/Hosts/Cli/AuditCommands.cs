using System.CommandLine;
using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Funeng.Cli;

internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Recompute the audit log's hash chain; names the first broken entry and exits 1 if there is one.");
        verify.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var audit = services.GetRequiredService<IAuditLog>();
            AuditVerification? result = null;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Verifying audit chain");
                task.IsIndeterminate = true;
                result = await audit.VerifyAsync(new Progress<long>(n => task.Description = $"Verified {n} entries"), cancellationToken);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            });
            if (result!.IsValid)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]The audit chain is intact: {result.EntriesChecked} entries verified.[/]");
                return 0;
            }

            var problem = result.Problem?.In(services.GetRequiredService<UiText>(), CultureInfo.GetCultureInfo(UiCultures.English));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]The audit chain is broken at entry {result.FirstBrokenSequence}: {problem}.[/]");
            return 1;
        }));

        var audit = new Command("audit", "The append-only audit log.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
