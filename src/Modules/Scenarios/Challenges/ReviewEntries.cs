using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Funeng.Scenarios.Challenges;

/// <summary>An entry as a panel expert sees it: a label, never its team.</summary>
internal sealed record BlindEntryView(Guid Id, string Label, string Title, string Solution, int Phase, bool Conflicted,
    IReadOnlyList<AttachmentView> Attachments, decimal? MyScore, IReadOnlyDictionary<Guid, decimal> MyCriterionScores, string? MyComment);

internal sealed record ReviewView(Guid ChallengeId, string Title, string Requirements, ChallengeStatus Status, IReadOnlyList<string> Phases,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<BlindEntryView> Entries);

internal sealed record CriterionScoreRequest(Guid CriterionId, decimal Score);

internal sealed record ScoreRequest(IReadOnlyList<CriterionScoreRequest>? Scores, string? Comment);

/// <summary>
/// Blind review: <c>GET /api/v1/challenges/{id}/review</c> lists the entries a panel expert may score, with no
/// organisation, user or file name in it; <c>POST .../entries/{entryId}/evaluations</c> records the expert's
/// scores for the entry's current phase. Experts excluded by a conflict see nothing.
/// </summary>
internal sealed class ReviewEntries(ScenariosDb db, IAuditLog audit, IActor actor, IOptions<ScenariosOptions> options, TimeProvider clock)
{
    public async Task<ReviewView> ViewAsync(Guid challengeId, CancellationToken cancellationToken)
    {
        var (s, standing) = await PanelStandingAsync(challengeId, cancellationToken);
        var c = s.Challenge;
        var entries = c.Status == ChallengeStatus.Open ? [] : s.Entries.Select(e =>
        {
            var mine = s.Evaluations.FirstOrDefault(v => v.EntryId == e.Id && v.Phase == e.Phase && v.ExpertUserId == actor.UserId);
            return new BlindEntryView(e.Id, e.Label, e.Title, e.Solution, e.Phase, !standing.Reviews(e.Id),
                standing.Reviews(e.Id) ? NeutralAttachments(e) : [],
                mine?.Score, mine?.Scores.ToDictionary(x => x.CriterionId, x => x.Score) ?? [], mine?.Comment);
        }).ToList();
        return new ReviewView(c.Id, c.Title, c.Requirements, c.Status, c.PhaseNames,
            c.Criteria.OrderBy(k => k.Position).Select(k => new CriterionView(k.Id, k.Name, k.Weight)).ToList(), entries);
    }

    public async Task ScoreAsync(Guid challengeId, Guid entryId, ScoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (s, standing) = await PanelStandingAsync(challengeId, cancellationToken);
        ChallengeSteps.Score(s.Challenge.Status).ThrowIfRefused();

        var entry = s.Entries.FirstOrDefault(e => e.Id == entryId) ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-entry", entryId), "entryId", 404);
        if (!standing.Reviews(entryId))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.you-declared-conflict-entry-score"), "entryId", 403);
        }

        var criteria = s.Challenge.Criteria;
        if ((request.Scores ?? []).GroupBy(x => x.CriterionId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw InvalidInputException.For("scores", "problem.value.duplicate", twice.Key);
        }

        var given = (request.Scores ?? []).ToDictionary(x => x.CriterionId, x => x.Score);
        var missing = criteria.Where(k => !given.ContainsKey(k.Id)).Select(k => k.Name).ToList();
        if (missing.Count > 0 || given.Keys.Any(k => criteria.All(c => c.Id != k)))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.score-every-criterion", string.Join(", ", missing)), "scores", 422);
        }

        if (given.Values.Any(v => v is < 0 or > Scoring.MaxScore))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.score-range", Scoring.MaxScore), "scores", 422);
        }

        var weighted = Scoring.Weighted(criteria.Select(k => (k.Weight, given[k.Id])).ToList());
        var evaluation = s.Evaluations.FirstOrDefault(v => v.EntryId == entryId && v.Phase == entry.Phase && v.ExpertUserId == actor.UserId);
        if (evaluation is null)
        {
            evaluation = new Evaluation { Id = Guid.NewGuid(), EntryId = entryId, Phase = entry.Phase, ExpertUserId = actor.UserId! };
            db.Evaluations.Add(evaluation);
        }
        else
        {
            db.CriterionScores.RemoveRange(evaluation.Scores);
            evaluation.Scores = [];
        }

        evaluation.Score = weighted;
        evaluation.Comment = request.Comment?.Trim() ?? "";
        evaluation.SubmittedAt = clock.GetUtcNow();
        evaluation.Scores.AddRange(given.Select(g => new CriterionScore { EvaluationId = evaluation.Id, CriterionId = g.Key, Score = g.Value }));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.challenge.entry-scored", "challenge", challengeId.ToString(),
            ProblemMessage.Of("scenarios.audit.entry-scored", entry.Label, entry.Phase, weighted)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Who may download an attachment: office staff, the entry's team, and panel experts who review the entry.</summary>
    public async Task<(string Path, string ContentType, string DownloadName)> AttachmentAsync(Guid challengeId, Guid entryId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var s = await ChallengeSnapshot.LoadAsync(db, challengeId, cancellationToken);
        var entry = s.Entries.FirstOrDefault(e => e.Id == entryId);
        var attachment = entry?.Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.such-attachment"), "attachmentId", 404);
        var path = SubmitEntry.PathOf(options.Value, challengeId, attachmentId);
        if (actor.IsInRole(Roles.OfficeStaff) || entry.Members.Any(m => actor.BelongsTo(m.OrganisationId)))
        {
            return (path, attachment.ContentType, attachment.FileName);
        }

        var member = s.Panel.FirstOrDefault(p => p.ExpertUserId == actor.UserId);
        if (member is null || s.Challenge.Status == ChallengeStatus.Open || !s.StandingOf(member).Reviews(entryId))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.you-read-attachment"), "attachmentId", 403);
        }

        return (path, attachment.ContentType, NeutralName(entry, attachment));
    }

    private async Task<(ChallengeSnapshot Snapshot, ExpertStanding Standing)> PanelStandingAsync(Guid challengeId, CancellationToken cancellationToken)
    {
        var s = await ChallengeSnapshot.LoadAsync(db, challengeId, cancellationToken);
        var member = s.Panel.FirstOrDefault(p => p.ExpertUserId == actor.UserId)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.you-are-challenge-s-panel"), null, 403);
        var standing = s.StandingOf(member);
        return standing.Excluded
            ? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.excluded-from-review", ProblemMessage.Of("scenarios.excluded." + standing.ExcludedReason)), null, 403)
            : (s, standing);
    }

    /// <summary>File names can name the team, so experts see "Entry K7Q2 – attachment 1.pdf".</summary>
    private static string NeutralName(Entry entry, Attachment attachment) =>
        $"Entry {entry.Label} - attachment {entry.Attachments.OrderBy(a => a.FileName, StringComparer.Ordinal).ToList().IndexOf(attachment) + 1}{Path.GetExtension(attachment.FileName)}";

    private static List<AttachmentView> NeutralAttachments(Entry entry) =>
        entry.Attachments.OrderBy(a => a.FileName, StringComparer.Ordinal).Select(a => new AttachmentView(a.Id, NeutralName(entry, a), a.ContentType, a.Size)).ToList();

    public static async Task<Ok<ReviewView>> HandleViewAsync(Guid id, ReviewEntries review, CancellationToken cancellationToken) =>
        TypedResults.Ok(await review.ViewAsync(id, cancellationToken));

    public static async Task<NoContent> HandleScoreAsync(Guid id, Guid entryId, ScoreRequest request, ReviewEntries review, CancellationToken cancellationToken)
    {
        await review.ScoreAsync(id, entryId, request, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<PhysicalFileHttpResult> HandleAttachmentAsync(Guid id, Guid entryId, Guid attachmentId, ReviewEntries review, CancellationToken cancellationToken)
    {
        var (path, contentType, name) = await review.AttachmentAsync(id, entryId, attachmentId, cancellationToken);
        return TypedResults.PhysicalFile(path, contentType, name);
    }
}
