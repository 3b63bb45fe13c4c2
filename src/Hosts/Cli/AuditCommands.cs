using System.CommandLine;
using System.Globalization;
using Funeng.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Funeng.Cli;

internal static class AuditCommands
{
    public static Command Create(CliText text)
    {
        var verify = new Command("verify", text.Get("cli.audit.verify"));
        verify.SetAction((_, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var audit = services.GetRequiredService<IAuditLog>();
            AuditVerification? result = null;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(text.Get("cli.audit.verifying")));
                task.IsIndeterminate = true;
                result = await audit.VerifyAsync(new Progress<long>(n => task.Description = Markup.Escape(text.Format("cli.audit.verified-so-far", n))), cancellationToken);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            });
            if (result!.IsValid)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{text.Format("cli.audit.intact", result.EntriesChecked)}[/]");
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{text.Format("cli.audit.broken", result.FirstBrokenSequence, result.Problem?.In(CliText.All, text.Culture))}[/]");
            return 1;
        }));

        var audit = new Command("audit", text.Get("cli.audit"));
        audit.Subcommands.Add(verify);
        return audit;
    }
}
