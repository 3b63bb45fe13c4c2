using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Platform.Accounts;

/// <summary>Who the caller is: id, name, organisation and roles.</summary>
internal static class GetMe
{
    public sealed record Response(string UserId, string DisplayName, Guid? OrganisationId, IReadOnlyList<string> Roles);

    public static Ok<Response> Handle(CurrentUser user) =>
        TypedResults.Ok(new Response(user.UserId!, user.ActorName, user.OrganisationId, Roles.All.Where(user.IsInRole).ToList()));
}
