using System.Text.Json;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Incentives.Applications;

/// <summary>Attachments from the applicant, the staff completeness check, and expert scores.</summary>
internal sealed class ReviewApplication(IncentivesDb db, ProgramCatalog catalog, IAuditLog audit, IActor actor, TimeProvider clock, IOptions<IncentivesOptions> options)
{
    public sealed record CompletenessRequest(bool Complete, string? Note);

    /// <summary>Points per criterion of the program (keys from its <c>review_criteria</c>), and a comment.</summary>
    public sealed record ScoreRequest(Dictionary<string, int?>? Criteria, string? Comment);

    public static async Task<Ok<ApplicationView>> AttachEndpointAsync(Guid id, IFormFile? file, [FromForm] string? documentKey, ReviewApplication review, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw InvalidInputException.For("file", "incentives.problem.attach-non-empty-file");
        }

        await using var content = file.OpenReadStream();
        var application = await review.AttachAsync(id, documentKey ?? "", file.FileName, file.ContentType, content, file.Length, cancellationToken);
        return TypedResults.Ok(ApplicationView.Of(application));
    }

    public static async Task<Ok<ApplicationView>> CompletenessAsync(Guid id, CompletenessRequest request, ReviewApplication review, CancellationToken cancellationToken)
    {
        var application = await review.CheckCompletenessAsync(id, request.Complete, request.Note, cancellationToken);
        return TypedResults.Ok(ApplicationView.Of(application));
    }

    public static async Task<Ok<ApplicationView>> ScoreEndpointAsync(Guid id, ScoreRequest request, ReviewApplication review, CancellationToken cancellationToken)
    {
        var (application, problems) = await review.ScoreAsync(id, request.Criteria ?? [], request.Comment, cancellationToken);
        InvalidInputException.ThrowIfAny(problems);
        return TypedResults.Ok(ApplicationView.Of(application));
    }

    /// <summary>Each criterion's points, a whole number from 0 to its maximum; problems by field <c>criteria.KEY</c>.</summary>
    public static List<FieldProblem> Validate(IReadOnlyList<ReviewCriterion> criteria, IReadOnlyDictionary<string, int?> points)
    {
        var problems = new List<FieldProblem>();
        foreach (var criterion in criteria)
        {
            if (points.GetValueOrDefault(criterion.Key) is not { } given || given < 0 || given > criterion.MaxPoints)
            {
                problems.Add(FieldProblem.Of("criteria." + criterion.Key, "incentives.problem.points", criterion.MaxPoints));
            }
        }

        foreach (var unknown in points.Keys.Where(k => criteria.All(c => c.Key != k)))
        {
            problems.Add(FieldProblem.Of("criteria." + unknown, "incentives.problem.no-such-criterion"));
        }

        return problems;
    }

    public async Task<Application> AttachAsync(Guid id, string documentKey, string fileName, string contentType, Stream content, long length, CancellationToken cancellationToken)
    {
        var application = await LoadAsync(id, cancellationToken);
        if (!actor.BelongsTo(application.OrganisationId))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.only-applicant-attaches-documents"), "id", 403);
        }

        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Incomplete))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.documents-attached-only-before-application"), "id");
        }

        if (catalog.Get(application.ProgramId).Documents.All(d => d.Key != documentKey))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.not-a-document", documentKey), "documentKey", 422);
        }

        if (length > options.Value.MaxAttachmentBytes)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.file-too-large", options.Value.MaxAttachmentBytes / 1024 / 1024), "file", 422);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        db.Attachments.RemoveRange(application.Attachments.Where(a => a.DocumentKey == documentKey));
        var attachment = new Attachment { Id = Guid.NewGuid(), ApplicationId = id, DocumentKey = documentKey, FileName = Path.GetFileName(fileName), ContentType = contentType, Content = buffer.ToArray(), UploadedAt = clock.GetUtcNow() };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<Application> CheckCompletenessAsync(Guid id, bool complete, string? note, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await LoadAsync(id, cancellationToken);
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Incomplete))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.completeness-check-done-before-review"), "id");
        }

        var missing = catalog.Get(application.ProgramId).Documents.Where(d => application.Attachments.All(a => a.DocumentKey != d.Key)).ToList();
        if (complete && missing.Count > 0)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.documents-missing", LocalizedText.Join(missing.Select(d => d.Name))), "complete", 422);
        }

        application.Status = complete ? ApplicationStatus.UnderReview : ApplicationStatus.Incomplete;
        application.CompletenessNote = note;
        ApplicationHistory.Record(db, id, complete ? ApplicationStepKind.FoundComplete : ApplicationStepKind.FoundIncomplete, clock.GetUtcNow(), actor.Name, note);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("incentives.application.completeness-checked", "application", id.ToString(),
            ProblemMessage.Of(complete ? "incentives.audit.complete" : "incentives.audit.incomplete", note ?? "")), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return application;
    }

    /// <summary>Records (or replaces) the signed-in expert's points per criterion; invalid points come back by field, nothing written.</summary>
    public async Task<(Application Application, List<FieldProblem> Problems)> ScoreAsync(Guid id, IReadOnlyDictionary<string, int?> points, string? comment, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await LoadAsync(id, cancellationToken);
        var program = catalog.Get(application.ProgramId);
        if (!program.ExpertReview)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.program-does-ask-expert-scoring"), "id");
        }

        if (application.Status != ApplicationStatus.UnderReview)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.only-applications-under-review-are"), "id");
        }

        if (actor.BelongsTo(application.OrganisationId))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.expert-score-application-own-organisation"), "id", 403);
        }

        var mine = actor.OrganisationId ?? Guid.Empty;
        if (!await db.Assignments.AnyAsync(a => a.ApplicationId == id && a.ReviewerOrganisationId == mine, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.application-assigned-your-organisation-review"), "id", 403);
        }

        var problems = Validate(program.Criteria, points);
        if (problems.Count > 0)
        {
            return (application, problems);
        }

        var given = program.Criteria.ToDictionary(c => c.Key, c => points[c.Key]!.Value);
        var score = given.Values.Sum();
        var expert = actor.UserId!;
        var existing = application.Scores.SingleOrDefault(s => s.ExpertUserId == expert);
        if (existing is null)
        {
            existing = new ExpertScore { Id = Guid.NewGuid(), ApplicationId = id, ExpertUserId = expert };
            db.Scores.Add(existing);
        }

        existing.Score = score;
        existing.CriteriaJson = JsonSerializer.Serialize(given, JsonSerializerOptions.Web);
        existing.Comment = comment;
        existing.ScoredAt = clock.GetUtcNow();
        ApplicationHistory.Record(db, id, ApplicationStepKind.Scored, existing.ScoredAt, actor.Name);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("incentives.application.scored", "application", id.ToString(),
            ProblemMessage.Of("incentives.audit.scored", score, string.Join(", ", given.Select(g => $"{g.Key}={g.Value}")))), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await LoadAsync(id, cancellationToken), problems);
    }

    private async Task<Application> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Applications.Include(a => a.Attachments).Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-application"), "id", 404);
}
