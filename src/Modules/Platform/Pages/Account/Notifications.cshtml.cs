using Funeng.Platform.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

[Authorize]
internal sealed class NotificationsModel(ListNotifications notifications) : PageModel
{
    public IReadOnlyList<ListNotifications.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await notifications.OpenInboxAsync(100, cancellationToken);
}
