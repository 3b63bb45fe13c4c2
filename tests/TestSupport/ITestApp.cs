using System.Net.Http.Headers;
using Funeng.Kernel.Database;
using Funeng.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.TestSupport;

/// <summary>
/// A running test host, through its real HTTP pipeline: the whole app (<see cref="FunengApp"/>) or one module on
/// Platform (<see cref="ModuleApp"/>). Tests written against it run on either.
/// </summary>
public interface ITestApp
{
    DatabaseProvider Provider { get; }

    /// <summary>The connection string of this fixture's own database.</summary>
    string ConnectionString { get; }

    IServiceProvider Services { get; }

    /// <summary>The SMTP server the app sends its mail to; tests read the messages from it.</summary>
    TestMailbox Mailbox { get; }

    /// <summary>An anonymous client (the public).</summary>
    HttpClient Anonymous();

    /// <summary>Creates a user with <paramref name="role"/> in a new organisation (or the one given) and a client holding its API token.</summary>
    Task<ActingUser> CreateUserAsync(string role, Guid? organisationId = null, OrganisationKind kind = OrganisationKind.Enterprise);
}

/// <summary>A signed-up user and an HTTP client that authenticates as them with an API token.</summary>
public sealed record ActingUser(string UserId, string Email, string Password, Guid OrganisationId, string Role, HttpClient Client);

/// <summary>How every test host makes a user: through Platform's account commands, as the CLI provisions one.</summary>
internal static class TestUsers
{
    /// <summary>A user of <paramref name="role"/>; <paramref name="n"/>, the host's running number for it, makes names and passwords unique.</summary>
    public static async Task<ActingUser> CreateAsync(ITestApp app, int n, string role, Guid? organisationId, OrganisationKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountCommands>();
        var organisation = organisationId ?? await accounts.CreateOrganisationAsync($"测试机构{n}", $"Test organisation {n}", kind, "guangzhou");
        var email = $"{role.ToLowerInvariant()}{n}-{Guid.NewGuid():N}@test.local";
        var password = "Test-password-1a" + n;
        var userId = await accounts.CreateAccountAsync(email, password, $"{role} {n}", organisation, role);
        var token = await accounts.IssueApiTokenAsync(userId, "tests", 30);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ActingUser(userId, email, password, organisation, role, client);
    }
}
