using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Applications;

/// <summary>An application's status page: every step with who took it and when, who holds it now and since when.</summary>
internal sealed record ApplicationTrack(ApplicationView Application, LocalizedText ProgramName, IReadOnlyList<TrackedStep> Steps, ApplicationHolder Holder, DateTimeOffset Since);

/// <summary>One step of an application as its status page shows it.</summary>
internal sealed record TrackedStep(DateTimeOffset At, ApplicationStepKind Kind, string ActorName, string? Note);

/// <summary>
/// Finds an application by its receipt number or id for whoever may see it (the same scope as the API: the
/// applicant, office staff, the city's staff, assigned experts); anyone else is told there is no such application.
/// </summary>
internal sealed class TrackApplication(IncentivesDb db, ProgramCatalog catalog, ListApplications applications)
{
    public async Task<ApplicationTrack> TrackAsync(string key, CancellationToken cancellationToken)
    {
        var scope = await applications.ScopeAsync(cancellationToken);
        var normalised = key.Trim().ToUpperInvariant();
        var application = Guid.TryParse(key, out var id)
            ? await scope.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : await scope.SingleOrDefaultAsync(a => a.ReceiptNumber == normalised, cancellationToken);
        if (application is null)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-application"), "receipt", 404);
        }

        var program = catalog.Get(application.ProgramId);
        var steps = await ApplicationHistory.StepsAsync(db, application.Id, cancellationToken);
        var assigned = await db.Assignments.CountAsync(a => a.ApplicationId == application.Id, cancellationToken);
        var holder = ApplicationHistory.Holder(application.Status, program.ExpertReview, assigned, application.Scores.Count);
        var since = steps.Count > 0 ? steps[^1].At : application.SubmittedAt;
        return new ApplicationTrack(ApplicationView.Of(application), program.Name, [.. steps.Select(s => new TrackedStep(s.At, s.Kind, s.ActorName, s.Note))], holder, since);
    }
}
