using Funeng.Incentives.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Scenarios.Challenges;

internal sealed record CloseRequest(string? Reason);

internal sealed record ObjectionRequest(string? Text);

internal sealed record ResolveObjectionRequest(bool Upheld, string? Resolution);

/// <summary>
/// The office's steps after the entries are in: close submissions, advance entries through phases, announce the
/// ranking (a public notice period opens), take and resolve objections, make the award. No entry advances or is
/// ranked until every reviewer who may score it has; the award waits for the notice period and the objections.
/// The prize is an award under the pack's Challenge-and-Lead program, made through Incentives' one ledger.
/// </summary>
internal sealed class RunChallenge(ScenariosDb db, IAuditLog audit, IActor actor, NotifyFollowers followers, IOptions<ScenariosOptions> options, TimeProvider clock,
    IResultAwards awards, IOrganisationDirectory organisations)
{
    /// <summary>
    /// Closes entries. Before the published deadline that is an early close: it needs a <paramref name="reason"/>,
    /// which is kept on the challenge (the public page announces it) and in the audit entry (who and when), and
    /// everyone who entered is told; at or after the deadline no reason is asked.
    /// </summary>
    public async Task CloseAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        var state = ChallengeState.Of(s.Challenge, []);
        ChallengeSteps.Close(state).ThrowIfRefused();
        var now = clock.GetUtcNow();
        if (ChallengeSteps.CloseReasonProblem(state, now, reason) is { } problem)
        {
            throw new InvalidInputException(new List<FieldProblem> { problem });
        }

        var early = ChallengeSteps.ClosesEarly(state, now);
        s.Challenge.Status = ChallengeStatus.Reviewing;
        s.Challenge.ClosedAt = now;
        s.Challenge.EarlyCloseReason = early ? reason!.Trim() : null;
        await CommitAsync(s.Challenge, "closed", early
            ? ProblemMessage.Of("scenarios.audit.challenge-closed-early", s.Entries.Count, s.Challenge.Deadline, s.Challenge.EarlyCloseReason)
            : ProblemMessage.Of("scenarios.audit.challenge-closed", s.Entries.Count, s.Challenge.Deadline), cancellationToken);
        var panel = s.Panel.Select(p => p.ExpertOrganisationId);
        if (early)
        {
            var entrants = s.Entries.SelectMany(e => e.Members.Select(m => m.OrganisationId));
            await NotifyAsync(s, "scenarios.notify.challenge.closed-early", panel.Concat(entrants), cancellationToken, ChinaTime.Format(now), s.Challenge.EarlyCloseReason);
        }
        else
        {
            await NotifyAsync(s, "scenarios.notify.challenge.closed", panel, cancellationToken);
        }
    }

    public async Task AdvanceAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        ChallengeSteps.Advance(ChallengeState.Of(s.Challenge, [])).ThrowIfRefused();
        var entry = s.Entries.FirstOrDefault(e => e.Id == entryId) ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-entry", entryId), "entryId", 404);
        if (entry.Phase >= s.LastPhase)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.entry-already-last-phase"), "entryId");
        }

        if (!s.IsComplete(entry, entry.Phase))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.entry-evaluations-pending", entry.Label), "entryId");
        }

        entry.Phase++;
        await CommitAsync(s.Challenge, "entry-advanced", ProblemMessage.Of("scenarios.audit.entry-advanced", entry.Label, entry.Phase), cancellationToken);
    }

    public async Task AnnounceAsync(Guid id, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        ChallengeSteps.Announce(ChallengeState.Of(s.Challenge, [])).ThrowIfRefused();
        var finalists = s.Entries.Where(e => e.Phase == s.LastPhase).ToList();
        if (finalists.Count == 0)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.entry-has-reached-last-phase"), "entries");
        }

        var pending = finalists.Where(e => !s.IsComplete(e, s.LastPhase)).Select(e => e.Label).ToList();
        if (pending.Count > 0)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.ranking-waits", string.Join(", ", pending)), "entries");
        }

        var ranking = Scoring.Rank(finalists.Select(e => new Scoring.Candidate(e.Id, s.EvaluationsOf(e, s.LastPhase).Select(v => v.Score).ToList(), e.SubmittedAt)));
        foreach (var (entryId, rank, score) in ranking)
        {
            var entry = finalists.First(e => e.Id == entryId);
            entry.Rank = rank;
            entry.FinalScore = score;
        }

        var now = clock.GetUtcNow();
        s.Challenge.Status = ChallengeStatus.Announced;
        s.Challenge.AnnouncedAt = now;
        s.Challenge.NoticeEndsAt = now + options.Value.NoticePeriod;
        await CommitAsync(s.Challenge, "ranking-announced", ProblemMessage.Of("scenarios.audit.ranking-announced", s.Challenge.NoticeEndsAt,
            ranking.Select(r => ProblemMessage.Of("scenarios.audit.rank", r.Rank, finalists.First(e => e.Id == r.EntryId).Label, r.Score)).ToList()), cancellationToken);
        await NotifyAsync(s, "scenarios.notify.challenge.announced", s.Entries.SelectMany(e => e.Members.Select(m => m.OrganisationId)), cancellationToken);
    }

    public async Task ObjectAsync(Guid id, string? text, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.FindAsync([id], cancellationToken) ?? throw ChallengeSnapshot.NotFound(id);
        ChallengeSteps.Object(ChallengeState.Of(challenge, []), clock.GetUtcNow()).ThrowIfRefused();

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.state-objection-most-characters"), "text", 422);
        }

        var objection = new Objection { Id = Guid.NewGuid(), ChallengeId = id, FiledByUserId = actor.UserId!, FiledByOrganisationId = actor.OrganisationId, Text = text.Trim(), FiledAt = clock.GetUtcNow() };
        db.Objections.Add(objection);
        await CommitAsync(challenge, "objection-filed", ProblemMessage.Of("scenarios.audit.objection-filed", objection.Id.ToString(), objection.Text), cancellationToken);
    }

    public async Task ResolveAsync(Guid id, Guid objectionId, ResolveObjectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId && o.ChallengeId == id, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-objection", objectionId), "objectionId", 404);
        if (objection.ResolvedAt is not null)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.objection-already-resolved"), "objectionId");
        }

        if (string.IsNullOrWhiteSpace(request.Resolution))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.explain-resolution"), "resolution", 422);
        }

        objection.Upheld = request.Upheld;
        objection.Resolution = request.Resolution.Trim();
        objection.ResolvedAt = clock.GetUtcNow();
        await CommitAsync(s.Challenge, "objection-resolved", ProblemMessage.Of(request.Upheld ? "scenarios.audit.objection-upheld" : "scenarios.audit.objection-dismissed", objectionId.ToString(), request.Resolution), cancellationToken);
    }

    public async Task AwardAsync(Guid id, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        var objections = await db.Objections.Where(o => o.ChallengeId == id).ToListAsync(cancellationToken);
        ChallengeSteps.Award(ChallengeState.Of(s.Challenge, objections), clock.GetUtcNow()).ThrowIfRefused();

        var winner = s.Entries.Single(e => e.Rank == 1);
        var scenarioIds = s.Challenge.Scenarios.Select(x => x.ScenarioId).ToList();
        var scenarios = await db.Scenarios.Where(p => scenarioIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var prize = await AwardPrizeAsync(s.Challenge, winner, scenarios, cancellationToken);
        s.Challenge.Status = ChallengeStatus.Awarded;
        s.Challenge.AwardedAt = clock.GetUtcNow();
        s.Challenge.WinnerEntryId = winner.Id;
        s.Challenge.AwardId = prize?.AwardId;
        var matched = scenarios.Where(p => p.Status == ScenarioStatus.Published).ToList();
        matched.ForEach(p => p.Status = ScenarioStatus.Matched);
        await CommitAsync(s.Challenge, "awarded", ProblemMessage.Of("scenarios.audit.challenge-awarded", winner.Label, winner.Members.Count, s.Challenge.AwardAmount,
            prize?.ProgramId ?? "—", prize?.AwardId.ToString() ?? "—", matched.Count), cancellationToken);
        await NotifyAsync(s, "scenarios.notify.challenge.awarded", winner.Members.Select(m => m.OrganisationId), cancellationToken);
    }

    /// <summary>
    /// The prize as an award to the winning team's lead organisation under the program the pack declares for
    /// challenge results, through Incentives' ledger (budget, cap, double entry, audit), before the challenge is
    /// marked: Incentives commits in its own transaction (one SQLite file cannot hold two writers), so a refused
    /// award (budget, cap, program closed) leaves the challenge announced and reaches the office as the refusal,
    /// and of two racing requests the one-award-per-basis rule lets one through. A prize of 0 yuan (a pilot
    /// contract, say) moves no money and makes no award.
    /// </summary>
    private async Task<ResultAward?> AwardPrizeAsync(Challenge challenge, Entry winner, List<ScenarioPost> scenarios, CancellationToken cancellationToken)
    {
        if (challenge.AwardAmount == 0)
        {
            return null;
        }

        var programId = awards.ProgramFor(AwardBasis.ChallengeResult)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-program-awards-challenge-prizes"), "programId");
        var lead = await organisations.FindAsync(winner.LeadOrganisationId, cancellationToken);
        var city = lead?.CitySlug ?? scenarios.Select(p => p.CitySlug).FirstOrDefault();
        return await awards.AwardAsync(new ResultAwardRequest(programId, AwardBasis.ChallengeResult, challenge.Id, winner.LeadOrganisationId,
            lead?.NameZh ?? winner.LeadOrganisationId.ToString(), city, challenge.AwardAmount,
            // Keyed, so the award's audit entry reads in each reader's language (a benchmark case's reasons too).
            ProblemMessage.Of("scenarios.challenges.award-reasons", challenge.Title, winner.Label)), cancellationToken);
    }

    private async Task<ChallengeSnapshot> OfficeSnapshotAsync(Guid id, CancellationToken cancellationToken) =>
        actor.IsInRole(Roles.OfficeStaff)
            ? await ChallengeSnapshot.LoadAsync(db, id, cancellationToken)
            : throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-office-staff-run-challenge"), null, 403);

    private async Task CommitAsync(Challenge challenge, string action, ProblemMessage details, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent($"scenarios.challenge.{action}", "challenge", challenge.Id.ToString(), details), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Tells followers and <paramref name="organisations"/> of a step, by a key whose {0} is the challenge's title and {1}… the <paramref name="more"/> arguments.</summary>
    private Task NotifyAsync(ChallengeSnapshot s, string key, IEnumerable<Guid> organisations, CancellationToken cancellationToken, params object?[] more) =>
        TellAsync(s, ProblemMessage.Of(key, [s.Challenge.Title, .. more]), organisations, cancellationToken);

    private Task TellAsync(ChallengeSnapshot s, ProblemMessage title, IEnumerable<Guid> organisations, CancellationToken cancellationToken) =>
        followers.NotifyAsync(Follow.ChallengeType, s.Challenge.Id, title, $"/scenarios/challenges/{s.Challenge.Id}", organisations, cancellationToken);

    /// <summary><c>POST .../close</c>, with a body <c>{ "reason": "…" }</c> when closing before the deadline (no body otherwise).</summary>
    public static async Task<Ok<ChallengeView>> HandleCloseAsync(Guid id, CloseRequest? request, RunChallenge run, GetChallenges get, CancellationToken cancellationToken)
    {
        await run.CloseAsync(id, request?.Reason, cancellationToken);
        return TypedResults.Ok(await get.PublicAsync(id, cancellationToken));
    }

    public static async Task<Ok<ChallengeView>> HandleAdvanceAsync(Guid id, Guid entryId, RunChallenge run, GetChallenges get, CancellationToken cancellationToken)
    {
        await run.AdvanceAsync(id, entryId, cancellationToken);
        return TypedResults.Ok(await get.PublicAsync(id, cancellationToken));
    }

    public static async Task<Ok<ChallengeView>> HandleAnnounceAsync(Guid id, RunChallenge run, GetChallenges get, CancellationToken cancellationToken)
    {
        await run.AnnounceAsync(id, cancellationToken);
        return TypedResults.Ok(await get.PublicAsync(id, cancellationToken));
    }

    public static async Task<Ok<ChallengeView>> HandleObjectAsync(Guid id, ObjectionRequest request, RunChallenge run, GetChallenges get, CancellationToken cancellationToken)
    {
        await run.ObjectAsync(id, request?.Text, cancellationToken);
        return TypedResults.Ok(await get.PublicAsync(id, cancellationToken));
    }

    public static async Task<Ok<ChallengeView>> HandleResolveAsync(Guid id, Guid objectionId, ResolveObjectionRequest request, RunChallenge run, GetChallenges get, CancellationToken cancellationToken)
    {
        await run.ResolveAsync(id, objectionId, request, cancellationToken);
        return TypedResults.Ok(await get.PublicAsync(id, cancellationToken));
    }

    public static async Task<Ok<ChallengeView>> HandleAwardAsync(Guid id, RunChallenge run, GetChallenges get, CancellationToken cancellationToken)
    {
        await run.AwardAsync(id, cancellationToken);
        return TypedResults.Ok(await get.PublicAsync(id, cancellationToken));
    }
}
