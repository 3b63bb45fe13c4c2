using Funeng.Incentives.Data;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

/// <summary>Awards a user may see: office and city staff all of them, an enterprise its own.</summary>
internal sealed class ListAwards(IncentivesDb db, IActor actor)
{
    public static async Task<Ok<List<AwardView>>> HandleAsync(ListAwards awards, CancellationToken cancellationToken) =>
        TypedResults.Ok(await awards.VisibleAsync(cancellationToken));

    /// <summary>The awards the actor may see, latest decided first.</summary>
    public async Task<List<AwardView>> VisibleAsync(CancellationToken cancellationToken)
    {
        var query = db.Awards.AsNoTracking();
        if (!actor.IsInRole(Roles.OfficeStaff) && !actor.IsInRole(Roles.CityStaff))
        {
            var own = actor.OrganisationId ?? Guid.Empty;
            query = query.Where(a => a.OrganisationId == own);
        }

        return [.. (await query.ToListAsync(cancellationToken)).OrderByDescending(a => a.DecidedAt).Select(AwardView.Of)];
    }
}
