using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Funeng.Platform.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Pages.Account;

[Authorize]
internal sealed class NotificationsModel(PlatformDb db, IActor actor, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListNotifications.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await ListNotifications.ForUserAsync(db, actor.UserId!, 100, cancellationToken);
        // Opening the inbox marks what it shows as read.
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
