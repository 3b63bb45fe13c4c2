using System.Globalization;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Platform.Accounts;

/// <summary>The API of registration, password reset, invitations and verification; the pages call the same use cases.</summary>
internal static class AccountEndpoints
{
    public sealed record PasswordResetRequest(string? Email);

    public sealed record InvitationRequest(string? Email, string? DisplayName, IReadOnlyList<string>? Roles);

    public sealed record VerificationRequest(bool Verified, string? Evidence);

    public static async Task<Results<Created<AccountOutcome>, ValidationProblem>> RegisterAsync(
        RegistrationInput input, OrganisationAccounts accounts, UiText text, CancellationToken cancellationToken)
    {
        var outcome = await accounts.RegisterAsync(input, CultureInfo.CurrentUICulture.Name, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created("/api/v1/account/me", outcome) : Problem(outcome, text);
    }

    public static async Task<Accepted> RequestPasswordResetAsync(PasswordResetRequest request, OrganisationAccounts accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await accounts.SendPasswordResetAsync(request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Created<AccountOutcome>, ValidationProblem>> InviteAsync(
        InvitationRequest request, OrganisationAccounts accounts, UiText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await accounts.InviteAsync(request.Email, request.DisplayName, request.Roles ?? [], cancellationToken);
        return outcome.Succeeded ? TypedResults.Created("/api/v1/account/me", outcome) : Problem(outcome, text);
    }

    public static async Task<Results<NoContent, ValidationProblem>> VerifyAsync(
        Guid id, VerificationRequest request, OrganisationAccounts accounts, UiText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await accounts.VerifyAsync(id, request.Verified, request.Evidence, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problem(outcome, text);
    }

    private static ValidationProblem Problem(AccountOutcome outcome, UiText text) =>
        TypedResults.ValidationProblem(outcome.Problems.ToDictionary(p => p.Key, p => new[] { text[p.Value] }));
}
