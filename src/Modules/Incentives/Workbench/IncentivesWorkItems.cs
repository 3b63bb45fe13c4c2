using System.Globalization;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Workbench;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Workbench;

/// <summary>
/// Incentives' lines on the workbench: applications waiting for the office (completeness check or decision), for
/// an expert's review, and an applicant's own applications with where each stands and since when.
/// </summary>
internal sealed class IncentivesWorkItems(IncentivesDb db, ProgramCatalog catalog, IActor actor, UiText text, TimeProvider clock) : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<WorkItem>();
        if (actor.IsInRole(Roles.OfficeStaff))
        {
            var open = await db.Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview)
                .Select(a => new { a.Status, a.SubmittedAt }).ToListAsync(cancellationToken);
            foreach (var group in open.GroupBy(a => a.Status))
            {
                var title = Text(group.Key == ApplicationStatus.Submitted ? "workbench.incentives.check" : "workbench.incentives.decide");
                // The office checks and decides on the applications page; the review page is the experts' scoring form.
                items.Add(new WorkItem(WorkItemKind.WaitingForMe, title, "/incentives/awards#applications", group.Count(), Since: group.Min(a => a.SubmittedAt)));
            }

            items.AddRange(await CannotAwardAsync(cancellationToken));
        }

        if (actor.OrganisationId is not { } organisationId)
        {
            return items;
        }

        if (actor.IsInRole(Roles.Expert))
        {
            var assigned = await db.Assignments.AsNoTracking().Where(r => r.ReviewerOrganisationId == organisationId)
                .Join(db.Applications.Where(a => a.Status == ApplicationStatus.UnderReview), r => r.ApplicationId, a => a.Id, (r, _) => r.AssignedAt)
                .ToListAsync(cancellationToken);
            if (assigned.Count > 0)
            {
                items.Add(new WorkItem(WorkItemKind.WaitingForMe, Text("workbench.incentives.review"), "/incentives/review",
                    assigned.Count, Since: assigned.Min()));
            }
        }

        var mine = await db.Applications.AsNoTracking().Where(a => a.OrganisationId == organisationId)
            .OrderByDescending(a => a.SubmittedAt).Take(20)
            .Select(a => new { a.Id, a.ReceiptNumber, a.ProgramId, a.Status, a.SubmittedAt, a.DecidedAt }).ToListAsync(cancellationToken);
        foreach (var application in mine)
        {
            var program = catalog.Programs.FirstOrDefault(p => p.Id == application.ProgramId);
            items.Add(new WorkItem(WorkItemKind.SubmittedByMe, program?.Name ?? new LocalizedText(application.ProgramId, application.ProgramId), $"/incentives/applications/{application.ReceiptNumber ?? application.Id.ToString()}",
                Status: Text("incentives.application." + application.Status.ToString().ToLowerInvariant()), Since: application.DecidedAt ?? application.SubmittedAt));
        }

        return items;
    }

    /// <summary>Each program that cannot award today because a figure it needs is unset: the office's to-do before anyone applies.</summary>
    private async Task<IEnumerable<WorkItem>> CannotAwardAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var timelines = await db.TimelinesAsync(catalog.Programs, cancellationToken);
        return catalog.Programs
            .Select(p => (Program: p, Unset: ProgramReadiness.Unset(p, timelines[p.Id], today)))
            .Where(p => p.Unset.Count > 0 && p.Program.OpenOn(today))
            .Select(p => new WorkItem(WorkItemKind.WaitingForMe,
                new LocalizedText(Format("workbench.incentives.cannot-award", UiCultures.Chinese, p.Program.Name.Zh),
                    Format("workbench.incentives.cannot-award", UiCultures.English, p.Program.Name.En)),
                $"/incentives/programs/{p.Program.Id}", p.Unset.Count));
    }

    private string Format(string key, string culture, string argument)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        return UiTemplate.Fill(info, text.Get(key, info), argument);
    }

    private LocalizedText Text(string key) =>
        new(text.Get(key, CultureInfo.GetCultureInfo(UiCultures.Chinese)), text.Get(key, CultureInfo.GetCultureInfo(UiCultures.English)));
}
