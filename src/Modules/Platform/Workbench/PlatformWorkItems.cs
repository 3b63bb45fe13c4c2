using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Workbench;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Workbench;

/// <summary>Platform's lines on the workbench: organisations to verify, one's own organisation's verification, invitations not yet taken up.</summary>
internal sealed class PlatformWorkItems(PlatformDb db, IActor actor, UiText text) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<WorkItem>();
        if (actor.IsInRole(Roles.OfficeStaff))
        {
            var waiting = await db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.AwaitingVerification)
                .Select(o => o.CreatedAt).ToListAsync(cancellationToken);
            if (waiting.Count > 0)
            {
                items.Add(new WorkItem(WorkItemKind.WaitingForMe, Text("workbench.platform.verify"), "/account/organisations", waiting.Count, Since: waiting.Min()));
            }
        }

        if (actor.OrganisationId is not { } organisationId)
        {
            return items;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is { Status: not OrganisationStatus.Active })
        {
            items.Add(new WorkItem(WorkItemKind.SubmittedByMe, Text("workbench.platform.registration"), "/account/colleagues",
                Status: Text("organisation.status." + organisation.Status), Since: organisation.VerifiedAt ?? organisation.CreatedAt));
        }

        var me = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == actor.UserId, cancellationToken);
        if (me is { IsOrganisationAdmin: true })
        {
            var invited = await db.Users.AsNoTracking().CountAsync(u => u.OrganisationId == organisationId && !u.EmailConfirmed, cancellationToken);
            if (invited > 0)
            {
                items.Add(new WorkItem(WorkItemKind.SubmittedByMe, Text("workbench.platform.invited"), "/account/colleagues", invited,
                    Status: Text("account.colleagues.invited")));
            }
        }

        return items;
    }

    private LocalizedText Text(string key) =>
        new(text.Get(key, CultureInfo.GetCultureInfo(UiCultures.Chinese)), text.Get(key, CultureInfo.GetCultureInfo(UiCultures.English)));
}
