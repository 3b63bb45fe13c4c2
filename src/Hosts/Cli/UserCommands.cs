using System.CommandLine;
using Funeng.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Cli;

internal static class UserCommands
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's email address." };
        var reset = new Command("reset-password", "Give an account a new random password and print it once.");
        reset.Arguments.Add(email);
        reset.SetAction((parse, _) => CliHost.RunAsync(async services =>
        {
            var address = parse.GetValue(email)!;
            var password = await services.GetRequiredService<IAccountCommands>().ResetPasswordAsync(address);
            if (password is null)
            {
                Console.Error.WriteLine($"No account has the email {address}.");
                return 1;
            }

            Console.WriteLine($"{address} {password}");
            return 0;
        }));

        var users = new Command("users", "Accounts.");
        users.Subcommands.Add(reset);
        return users;
    }
}
