using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Following;

/// <summary>
/// Users follow scenarios and challenges; when one changes, its followers (and the organisations concerned) get
/// a platform notification. Called after the change has committed, so a failed change notifies no one.
/// </summary>
internal sealed class Followers(ScenariosDb db, INotifier notifier, CurrentUser user)
{
    public const string ScenarioType = "scenario";
    public const string ChallengeType = "challenge";

    public async Task NotifyAsync(string entityType, Guid entityId, string titleZh, string titleEn, string link, IEnumerable<Guid>? organisations = null, CancellationToken cancellationToken = default)
    {
        var followers = await db.Follows.AsNoTracking()
            .Where(f => f.EntityType == entityType && f.EntityId == entityId && f.UserId != user.UserId)
            .Select(f => f.UserId).ToListAsync(cancellationToken);
        foreach (var follower in followers)
        {
            await notifier.NotifyUserAsync(follower, titleZh, titleEn, link, cancellationToken);
        }

        foreach (var organisation in (organisations ?? []).Distinct().Where(o => !user.BelongsTo(o)))
        {
            await notifier.NotifyOrganisationAsync(organisation, titleZh, titleEn, link, cancellationToken);
        }
    }

    public async Task<bool> IsFollowingAsync(string entityType, Guid entityId, CancellationToken cancellationToken) =>
        user.UserId is { } id && await db.Follows.AnyAsync(f => f.UserId == id && f.EntityType == entityType && f.EntityId == entityId, cancellationToken);

    public async Task SetAsync(string entityType, Guid entityId, bool follow, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new DomainRuleException("Sign in to follow.", null, 401);
        var exists = await db.Follows.FindAsync([userId, entityType, entityId], cancellationToken);
        if (follow && exists is null)
        {
            db.Follows.Add(new Follow { UserId = userId, EntityType = entityType, EntityId = entityId });
        }
        else if (!follow && exists is not null)
        {
            db.Follows.Remove(exists);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary><c>PUT|DELETE /api/v1/{scenarios|challenges}/{id}/follow</c></summary>
    public static async Task<NoContent> HandleAsync(string entityType, Guid id, bool follow, Followers followers, CancellationToken cancellationToken)
    {
        await followers.SetAsync(entityType, id, follow, cancellationToken);
        return TypedResults.NoContent();
    }
}
