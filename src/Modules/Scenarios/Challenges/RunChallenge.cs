using System.Text.Json;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Following;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Scenarios.Challenges;

internal sealed record ObjectionRequest(string? Text);

internal sealed record ResolveObjectionRequest(bool Upheld, string? Resolution);

/// <summary>
/// The office's steps after the entries are in: close submissions, advance entries through phases, announce the
/// ranking (a public notice period opens), take and resolve objections, make the award. No entry advances or is
/// ranked until every reviewer who may score it has; the award waits for the notice period and the objections.
/// The prize is an award under the pack's Challenge-and-Lead program, made through Incentives' one ledger.
/// </summary>
internal sealed class RunChallenge(ScenariosDb db, IAuditLog audit, IActor actor, Followers followers, IOptions<ScenariosOptions> options, TimeProvider clock, UiText text,
    IResultAwards awards, IOrganisationDirectory organisations)
{
    public async Task CloseAsync(Guid id, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        Expect(s, ChallengeStatus.Open, "closed");
        s.Challenge.Status = ChallengeStatus.Reviewing;
        await CommitAsync(s.Challenge, "closed", new { entries = s.Entries.Count }, cancellationToken);
        await NotifyAsync(s, "scenarios.notify.challenge.closed", s.Panel.Select(p => p.ExpertOrganisationId), cancellationToken);
    }

    public async Task AdvanceAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        Expect(s, ChallengeStatus.Reviewing, "advanced");
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
        await CommitAsync(s.Challenge, "entry-advanced", new { entryId, entry.Label, phase = entry.Phase }, cancellationToken);
    }

    public async Task AnnounceAsync(Guid id, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        Expect(s, ChallengeStatus.Reviewing, "announced");
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
        await CommitAsync(s.Challenge, "ranking-announced", new { noticeEndsAt = s.Challenge.NoticeEndsAt, ranking = ranking.Select(r => new { r.EntryId, r.Rank, r.Score }) }, cancellationToken);
        await NotifyAsync(s, "scenarios.notify.challenge.announced", s.Entries.SelectMany(e => e.Members.Select(m => m.OrganisationId)), cancellationToken);
    }

    public async Task ObjectAsync(Guid id, string? text, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.FindAsync([id], cancellationToken) ?? throw ChallengeSnapshot.NotFound(id);
        if (challenge.Status != ChallengeStatus.Announced || clock.GetUtcNow() > challenge.NoticeEndsAt)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.objections-are-taken-only-during"), "text");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.state-objection-most-characters"), "text", 422);
        }

        var objection = new Objection { Id = Guid.NewGuid(), ChallengeId = id, FiledByUserId = actor.UserId!, FiledByOrganisationId = actor.OrganisationId, Text = text.Trim(), FiledAt = clock.GetUtcNow() };
        db.Objections.Add(objection);
        await CommitAsync(challenge, "objection-filed", new { objectionId = objection.Id, objection.Text }, cancellationToken);
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
        await CommitAsync(s.Challenge, "objection-resolved", new { objectionId, request.Upheld, request.Resolution }, cancellationToken);
    }

    public async Task AwardAsync(Guid id, CancellationToken cancellationToken)
    {
        var s = await OfficeSnapshotAsync(id, cancellationToken);
        Expect(s, ChallengeStatus.Announced, "awarded");
        if (clock.GetUtcNow() < s.Challenge.NoticeEndsAt)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.award-waits-for-notice-period", ChinaTime.Format(s.Challenge.NoticeEndsAt!.Value)), "noticeEndsAt");
        }

        if (await db.Objections.AnyAsync(o => o.ChallengeId == id && o.ResolvedAt == null, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.resolve-every-objection-before-award"), "objections");
        }

        if (await db.Objections.AnyAsync(o => o.ChallengeId == id && o.Upheld == true, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.objection-was-upheld-ranking-must"), "objections");
        }

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
        await CommitAsync(s.Challenge, "awarded", new
        {
            winnerEntryId = winner.Id, winner.Label, team = winner.Members.Select(m => m.OrganisationId), amount = s.Challenge.AwardAmount,
            awardId = prize?.AwardId, program = prize?.ProgramId, scenariosMatched = matched.Select(p => p.Id),
        }, cancellationToken);
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
            lead?.NameZh ?? winner.LeadOrganisationId.ToString(), city, challenge.AwardAmount, $"challenge: {challenge.Title}; winning entry {winner.Label}"), cancellationToken);
    }

    private async Task<ChallengeSnapshot> OfficeSnapshotAsync(Guid id, CancellationToken cancellationToken) =>
        actor.IsInRole(Roles.OfficeStaff)
            ? await ChallengeSnapshot.LoadAsync(db, id, cancellationToken)
            : throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-office-staff-run-challenge"), null, 403);

    /// <summary>Refuses a step (<paramref name="step"/>: closed, advanced, announced, awarded) the challenge's state does not allow.</summary>
    private static void Expect(ChallengeSnapshot s, ChallengeStatus status, string step)
    {
        if (s.Challenge.Status != status)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.challenge-state",
                ProblemMessage.Of("scenarios.challenge.status." + s.Challenge.Status.ToString().ToLowerInvariant()), ProblemMessage.Of("scenarios.challenge.step." + step)), "status");
        }
    }

    private async Task CommitAsync(Challenge challenge, string action, object details, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent($"scenarios.challenge.{action}", "challenge", challenge.Id.ToString(), JsonSerializer.Serialize(details)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Tells followers and <paramref name="organisations"/> of a step, by a key whose {0} is the challenge's title.</summary>
    private Task NotifyAsync(ChallengeSnapshot s, string key, IEnumerable<Guid> organisations, CancellationToken cancellationToken) =>
        TellAsync(s, ProblemMessage.Of(key, s.Challenge.Title).Both(text), organisations, cancellationToken);

    private Task TellAsync(ChallengeSnapshot s, LocalizedText title, IEnumerable<Guid> organisations, CancellationToken cancellationToken) =>
        followers.NotifyAsync(Followers.ChallengeType, s.Challenge.Id, title.Zh, title.En, $"/scenarios/challenges/{s.Challenge.Id}", organisations, cancellationToken);

    public static async Task<Ok<ChallengeView>> HandleCloseAsync(Guid id, RunChallenge run, GetChallenges get, CancellationToken cancellationToken)
    {
        await run.CloseAsync(id, cancellationToken);
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
