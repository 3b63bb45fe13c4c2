using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Applications;

/// <summary>An application assigned to the reader's organisation for review, with the reader's own score when they gave one.</summary>
internal sealed record AssignedApplication(Guid Id, string? ReceiptNumber, string ProgramId, string ApplicantName, DateOnly SubmittedOn, IReadOnlyList<string> Documents, GivenScore? Mine);

/// <summary>The reader's score of an application: the total, the points given per review criterion and the comment.</summary>
internal sealed record GivenScore(int Score, IReadOnlyDictionary<string, int> Points, string? Comment);

/// <summary>
/// Office staff give an application to a reviewing organisation (a university or research institute); its experts
/// then see it among their assigned applications and score it. Never the applicant's own organisation.
/// </summary>
internal sealed class AssignReviewers(IncentivesDb db, ProgramCatalog catalog, IOrganisationDirectory organisations, IAuditLog audit, INotifier notifier, IActor actor, TimeProvider clock)
{
    public static readonly OrganisationKind[] ReviewerKinds = [OrganisationKind.University, OrganisationKind.ResearchInstitute];

    public sealed record Request(Guid? OrganisationId);

    public static async Task<NoContent> HandleAsync(Guid id, Request request, AssignReviewers assign, CancellationToken cancellationToken)
    {
        if (request.OrganisationId is not { } organisation)
        {
            throw InvalidInputException.For("organisationId", "incentives.refusal.choose-reviewing-organisation");
        }

        await assign.AssignAsync(id, organisation, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The organisations whose experts may review: universities and research institutes.</summary>
    public async Task<List<OrganisationSummary>> ReviewersAsync(CancellationToken cancellationToken)
    {
        var all = new List<OrganisationSummary>();
        foreach (var kind in ReviewerKinds)
        {
            all.AddRange(await organisations.ListAsync(kind, cancellationToken));
        }

        return all;
    }

    public async Task AssignAsync(Guid applicationId, Guid reviewerOrganisationId, CancellationToken cancellationToken)
    {
        var reviewer = await organisations.FindAsync(reviewerOrganisationId, cancellationToken);
        if (reviewer is null || !ReviewerKinds.Contains(reviewer.Kind))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.experts-review-from-university-research"), "organisationId", 422);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-application"), "id", 404);
        if (!catalog.Get(application.ProgramId).ExpertReview)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.program-does-ask-expert-scoring"), "id");
        }

        if (application.Status is ApplicationStatus.Approved or ApplicationStatus.Rejected)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.application-has-been-decided-already"), "id");
        }

        if (application.OrganisationId == reviewerOrganisationId)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.organisation-review-own-application"), "organisationId", 422);
        }

        if (await db.Assignments.AnyAsync(a => a.ApplicationId == applicationId && a.ReviewerOrganisationId == reviewerOrganisationId, cancellationToken))
        {
            return; // assigned already: nothing changes
        }

        var assignment = new ReviewAssignment { Id = Guid.NewGuid(), ApplicationId = applicationId, ReviewerOrganisationId = reviewerOrganisationId, AssignedBy = actor.Name, AssignedAt = clock.GetUtcNow() };
        db.Assignments.Add(assignment);
        ApplicationHistory.Record(db, applicationId, ApplicationStepKind.ReviewerAssigned, assignment.AssignedAt, actor.Name);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("incentives.application.reviewer-assigned", "application", applicationId.ToString(),
            ProblemMessage.Of("incentives.audit.reviewer-assigned", LocalizedText.Of(reviewer.NameZh, reviewer.NameEn))), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.NotifyOrganisationAsync(reviewerOrganisationId, ProblemMessage.Of("incentives.notify.review-assigned"), "/incentives/review", cancellationToken);
    }

    /// <summary>For office staff: which reviewing organisations each application is assigned to.</summary>
    public async Task<ILookup<Guid, Guid>> AssignmentsAsync(CancellationToken cancellationToken) =>
        (await db.Assignments.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(a => a.ApplicationId, a => a.ReviewerOrganisationId);

    /// <summary>The applications under review assigned to the actor's organisation, oldest first.</summary>
    public async Task<List<AssignedApplication>> AssignedAsync(CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? Guid.Empty;
        var assigned = db.Assignments.Where(a => a.ReviewerOrganisationId == organisation).Select(a => a.ApplicationId);
        var list = await db.Applications.AsNoTracking().Include(a => a.Scores).Include(a => a.Attachments)
            .Where(a => a.Status == ApplicationStatus.UnderReview && assigned.Contains(a.Id)).ToListAsync(cancellationToken);
        return [.. list.OrderBy(a => a.SubmittedAt).Select(a => new AssignedApplication(a.Id, a.ReceiptNumber, a.ProgramId, a.ApplicantName, a.SubmittedOn,
            [.. a.Attachments.Select(x => x.FileName)],
            a.Scores.SingleOrDefault(s => s.ExpertUserId == actor.UserId) is { } mine
                ? new GivenScore(mine.Score, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(mine.CriteriaJson) ?? [], mine.Comment)
                : null))];
    }
}
