using System.CommandLine;
using System.Globalization;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Cli;

internal static class IncentivesCommands
{
    public static Command Create()
    {
        var application = new Argument<Guid>("APPLICATION-ID") { Description = "The application to approve (found complete, scored where the program asks for it)." };
        var account = new Option<string>("--as") { Description = "The email of the office-staff account taking the decision.", Required = true };
        var reasons = new Option<string>("--reasons") { Description = "The reasons for the decision, kept with it and in the audit log.", Required = true };
        var amount = new Option<decimal?>("--amount") { Description = "Yuan to award; by default the most the rules allow." };
        var approve = new Command("approve", "Approve an application: the award, its ledger entries and the audit entry commit together or not at all.");
        approve.Arguments.Add(application);
        approve.Options.Add(account);
        approve.Options.Add(reasons);
        approve.Options.Add(amount);
        approve.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var (signedIn, error) = await CliSignIn.ActorAsync(services, parse.GetValue(account)!, Roles.OfficeStaff);
            if (signedIn is null)
            {
                Console.Error.WriteLine(error);
                return 1;
            }

            await using var scope = services.CreateActorScope(signedIn);
            try
            {
                var award = await scope.ServiceProvider.GetRequiredService<IIncentiveCommands>().ApproveAsync(parse.GetValue(application), parse.GetValue(amount), parse.GetValue(reasons)!, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Approved: award {award.AwardId} of {award.Amount:0.00} yuan to {award.Recipient} under {award.ProgramId} ({award.Year})."));
                return 0;
            }
            catch (DomainRuleException e)
            {
                Console.Error.WriteLine($"Refused ({e.Field}): {e.Description.In(services.GetRequiredService<UiText>(), CultureInfo.GetCultureInfo("en"))}");
                return 1;
            }
            catch (InvalidInputException e)
            {
                // An empty --reasons lands here: a decision gives its reasons on the command line as on the API and the page.
                foreach (var (field, messages) in e.Describe(services.GetRequiredService<UiText>(), CultureInfo.GetCultureInfo("en")))
                {
                    Console.Error.WriteLine($"Refused ({field}): {string.Join(" ", messages)}");
                }

                return 1;
            }
        }));

        var incentives = new Command("incentives", "Incentive programs: decisions on applications.");
        incentives.Subcommands.Add(approve);
        return incentives;
    }
}
