using Funeng.Kernel.Security;

namespace Funeng.Platform.Contracts;

/// <summary>Account administration outside the web pages: the command line, and test fixtures that provision accounts.</summary>
public interface IAccountCommands
{
    /// <summary>
    /// The account with <paramref name="email"/> as an actor, with the same claims (organisation, roles, city) a
    /// sign-in on the web gives it; null if there is no such account. The CLI's <c>--as</c> acts through this.
    /// </summary>
    Task<IActor?> ActorAsync(string email);

    /// <summary>Creates an active organisation, as one the office creates (no 实名核验 wait); returns its id.</summary>
    Task<Guid> CreateOrganisationAsync(string nameZh, string nameEn, OrganisationKind kind, string? citySlug, CancellationToken cancellationToken = default);

    /// <summary>Creates a confirmed account in <paramref name="organisationId"/> holding <paramref name="role"/>; returns its user id.</summary>
    Task<string> CreateAccountAsync(string email, string password, string displayName, Guid organisationId, string role);

    /// <summary>Issues an API token for the account, valid <paramref name="daysValid"/> days; returns its secret (shown once).</summary>
    Task<string> IssueApiTokenAsync(string userId, string name, int daysValid, CancellationToken cancellationToken = default);

    /// <summary>Sets a new random password for the user with <paramref name="email"/> and returns it, or null if there is no such user.</summary>
    Task<string?> ResetPasswordAsync(string email);
}
