using System.CommandLine;
using Funeng.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Cli;

internal static class UserCommands
{
    public static Command Create(CliText text)
    {
        var email = new Argument<string>("EMAIL") { Description = text.Get("cli.users.email") };
        var reset = new Command("reset-password", text.Get("cli.users.reset-password"));
        reset.Arguments.Add(email);
        reset.SetAction((parse, _) => CliHost.RunAsync(async services =>
        {
            var address = parse.GetValue(email)!;
            var password = await services.GetRequiredService<IAccountCommands>().ResetPasswordAsync(address);
            if (password is null)
            {
                Console.Error.WriteLine(text.Format("cli.users.no-account", address));
                return 1;
            }

            Console.WriteLine($"{address} {password}");
            return 0;
        }));

        var users = new Command("users", text.Get("cli.users"));
        users.Subcommands.Add(reset);
        return users;
    }
}
