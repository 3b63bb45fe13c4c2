using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Platform.Accounts;

/// <summary>Who the caller is: id, name, organisation and roles.</summary>
internal static class GetMe
{
    public sealed record Response(string UserId, string DisplayName, Guid? OrganisationId, IReadOnlyList<string> Roles);

    public static Ok<Response> Handle(IActor actor) =>
        TypedResults.Ok(new Response(actor.UserId!, actor.Name, actor.OrganisationId, Roles.All.Where(actor.IsInRole).ToList()));
}
