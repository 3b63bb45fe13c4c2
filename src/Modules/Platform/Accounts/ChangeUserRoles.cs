using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Accounts;

/// <summary>Office staff set a user's roles; the change is audited in the same transaction.</summary>
internal sealed class ChangeUserRoles(UserManager<FunengUser> users, PlatformDb db, IAuditLog audit)
{
    public sealed record Request(IReadOnlyList<string>? Roles);

    public sealed record Response(string UserId, IReadOnlyList<string> Roles);

    public static async Task<Results<Ok<Response>, NotFound>> HandleAsync(
        string userId, Request request, ChangeUserRoles change, CancellationToken cancellationToken)
    {
        if (request?.Roles is not { } roles || roles.Any(r => r is null))
        {
            throw InvalidInputException.For("roles", "account.users.problem.roles-list", string.Join(", ", Roles.All));
        }

        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw InvalidInputException.For("roles", "account.users.problem.roles-unknown", string.Join(", ", unknown), string.Join(", ", Roles.All));
        }

        var user = await change.SetAsync(userId, roles, cancellationToken);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(new Response(user.Id, roles.Distinct().Order().ToList()));
    }

    /// <summary>Sets exactly <paramref name="roles"/> on the user with id <paramref name="userId"/>; null when there is none.</summary>
    public async Task<FunengUser?> SetAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not null)
        {
            await ApplyAsync(user, roles, cancellationToken);
        }

        return user;
    }

    /// <summary>Roles as their labels, for a stored message ("none" when there are none).</summary>
    internal static object RoleLabels(IEnumerable<string> roles)
    {
        var labels = roles.Order(StringComparer.Ordinal).Select(r => ProblemMessage.Of("role." + r)).ToList();
        return labels.Count == 0 ? ProblemMessage.Of("platform.audit.no-roles") : labels;
    }

    /// <summary>Sets exactly <paramref name="roles"/> and audits the change, in one transaction.</summary>
    public async Task ApplyAsync(FunengUser user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, before.Except(roles));
        var added = await users.AddToRolesAsync(user, roles.Except(before));
        // A new stamp ends the user's cookie sessions, so a removed role stops working at once.
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!removed.Succeeded || !added.Succeeded || !stamped.Succeeded)
        {
            throw new DomainRuleException(ProblemMessage.Of("account.refusal.roles-could-changed"), "roles");
        }

        await audit.AppendAsync(
            new AuditEvent("platform.user.roles-changed", "user", user.Id,
                ProblemMessage.Of("platform.audit.roles-changed", user.Email, RoleLabels(before), RoleLabels(roles))),
            db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
