using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Notifications;

/// <summary>The caller's notifications, newest first.</summary>
internal static class ListNotifications
{
    public sealed record Item(Guid Id, string TitleZh, string TitleEn, string Link, DateTimeOffset CreatedAt, bool Read);

    public static async Task<List<Item>> ForUserAsync(PlatformDb db, string userId, int take, CancellationToken cancellationToken)
    {
        var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new Item(n.Id, n.TitleZh, n.TitleEn, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return items;
    }

    public static async Task<Ok<List<Item>>> HandleAsync(IActor actor, PlatformDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ForUserAsync(db, actor.UserId!, 100, cancellationToken));
}
