using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Notifications;

/// <summary>
/// When a scenario or challenge changes, its followers (and the organisations concerned) get a platform
/// notification. Called after the change has committed, so a failed change notifies no one. Followers hear of a
/// scenario only while it is public: otherwise following an unpublished scenario's id would deliver its title
/// (issue 15). Transitions and Challenges tell through this; following itself is <c>Following/Followers</c>.
/// </summary>
internal sealed class NotifyFollowers(ScenariosDb db, INotifier notifier, IActor actor)
{
    public async Task NotifyAsync(string entityType, Guid entityId, ProblemMessage title, string link, IEnumerable<Guid>? organisations = null, CancellationToken cancellationToken = default)
    {
        var concerned = (organisations ?? []).Distinct().Where(o => !actor.BelongsTo(o)).ToList();
        if (entityType == Follow.ScenarioType && await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == entityId, cancellationToken) is { } post && !ScenarioAccess.IsPublic(post))
        {
            await notifier.NotifyAllAsync([], concerned, title, link, cancellationToken);
            return;
        }

        var followers = await db.Follows.AsNoTracking()
            .Where(f => f.EntityType == entityType && f.EntityId == entityId && f.UserId != actor.UserId)
            .Select(f => f.UserId).ToListAsync(cancellationToken);

        // One save for everyone told of this change: a failure leaves no one half-told, and a popular scenario's
        // change costs one round trip rather than one per follower.
        await notifier.NotifyAllAsync(followers, concerned, title, link, cancellationToken);
    }
}
