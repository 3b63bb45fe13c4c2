using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Accounts;

/// <summary>A person of the actor's organisation, with their roles in name order.</summary>
internal sealed record Colleague(string Id, string DisplayName, string Email, bool Confirmed, bool IsAdmin, IReadOnlyList<string> Roles);

/// <summary>The actor's organisation and its people (by address); whether the actor administers it.</summary>
internal sealed record ColleaguesView(OrganisationSummary Organisation, IReadOnlyList<Colleague> Members, bool IsAdmin);

/// <summary>An account as office staff see it: its organisation's name and its roles.</summary>
internal sealed record AccountRow(string Id, string DisplayName, string Email, string Organisation, IReadOnlySet<string> Roles);

/// <summary>Reads of accounts for the account pages: the actor's colleagues, every account (office), one address.</summary>
internal sealed class AccountQueries(PlatformDb db, IActor actor)
{
    public async Task<ColleaguesView> ColleaguesAsync(CancellationToken cancellationToken)
    {
        var organisationId = actor.OrganisationId ?? Guid.Empty;
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var roles = await RolesAsync(db.UserRoles.Where(m => ids.Contains(m.UserId)), cancellationToken);
        var members = people.ConvertAll(p => new Colleague(p.Id, p.DisplayName, p.Email ?? "", p.EmailConfirmed, p.IsOrganisationAdmin, roles[p.Id].Order().ToList()));
        return new ColleaguesView(organisation.ToSummary(), members, people.Any(p => p.Id == actor.UserId && p.IsOrganisationAdmin));
    }

    /// <summary>Every account by address, for office staff.</summary>
    public async Task<IReadOnlyList<AccountRow>> AllAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => new LocalizedText(o.NameZh, o.NameEn), cancellationToken);
        var roles = await RolesAsync(db.UserRoles, cancellationToken);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return accounts.ConvertAll(u => new AccountRow(
            u.Id,
            u.DisplayName,
            u.Email ?? "",
            organisations.TryGetValue(u.OrganisationId, out var name) ? name.ToString() : "?",
            roles[u.Id].ToHashSet()));
    }

    public Task<string?> EmailAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Whether the actor's organisation is active (verified, or created by the office).</summary>
    public Task<bool> OrganisationActiveAsync(CancellationToken cancellationToken) =>
        db.Organisations.AnyAsync(o => o.Id == actor.OrganisationId && o.Status == OrganisationStatus.Active, cancellationToken);

    // Role names by user id, for the given memberships.
    private async Task<ILookup<string, string>> RolesAsync(IQueryable<IdentityUserRole<string>> memberships, CancellationToken cancellationToken)
    {
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var list = await memberships.AsNoTracking().ToListAsync(cancellationToken);
        return list.ToLookup(m => m.UserId, m => roleNames[m.RoleId]);
    }
}
