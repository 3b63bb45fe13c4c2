using System.CommandLine;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Cli;

internal static class IncentivesCommands
{
    public static Command Create(CliText text)
    {
        var application = new Argument<Guid>("APPLICATION-ID") { Description = text.Get("cli.incentives.application") };
        var account = new Option<string>("--as") { Description = text.Get("cli.incentives.as"), Required = true };
        var reasons = new Option<string>("--reasons") { Description = text.Get("cli.incentives.reasons"), Required = true };
        var amount = new Option<decimal?>("--amount") { Description = text.Get("cli.incentives.amount") };
        var approve = new Command("approve", text.Get("cli.incentives.approve"));
        approve.Arguments.Add(application);
        approve.Options.Add(account);
        approve.Options.Add(reasons);
        approve.Options.Add(amount);
        approve.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var (signedIn, error) = await CliSignIn.ActorAsync(services, parse.GetValue(account)!, Roles.OfficeStaff, text);
            if (signedIn is null)
            {
                Console.Error.WriteLine(error);
                return 1;
            }

            await using var scope = services.CreateActorScope(signedIn);
            try
            {
                var award = await scope.ServiceProvider.GetRequiredService<IIncentiveCommands>().ApproveAsync(parse.GetValue(application), parse.GetValue(amount), parse.GetValue(reasons)!, cancellationToken);
                Console.WriteLine(text.Format("cli.incentives.approved", award.AwardId, award.Amount, award.Recipient, award.ProgramId, award.Year));
                return 0;
            }
            catch (DomainRuleException e)
            {
                Console.Error.WriteLine(text.Format("cli.refused", e.Field, text.Say(e.Description)));
                return 1;
            }
            catch (InvalidInputException e)
            {
                // An empty --reasons lands here: a decision gives its reasons on the command line as on the API and the page.
                foreach (var (field, messages) in e.Describe(CliText.All, text.Culture))
                {
                    Console.Error.WriteLine(text.Format("cli.refused", field, string.Join(" ", messages)));
                }

                return 1;
            }
        }));

        var incentives = new Command("incentives", text.Get("cli.incentives"));
        incentives.Subcommands.Add(approve);
        return incentives;
    }
}
