using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

internal sealed record CriterionView(Guid Id, string Name, decimal Weight);

/// <summary>A ranked entry, public once the ranking is announced.</summary>
internal sealed record RankedEntry(int Rank, string Label, string Title, decimal Score, IReadOnlyList<string> Team);

internal sealed record ObjectionView(Guid Id, string Text, DateTimeOffset FiledAt, bool? Upheld, string? Resolution);

/// <summary>A challenge as anyone may see it. Teams appear only in the announced ranking.</summary>
internal sealed record ChallengeView(
    Guid Id, string Title, string Requirements, string Eligibility, DateTimeOffset Deadline, string AwardDescription, decimal AwardAmount,
    IReadOnlyList<string> Phases, ChallengeStatus Status, bool AcceptingEntries, IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<Guid> ScenarioIds, int EntryCount, DateTimeOffset? AnnouncedAt, DateTimeOffset? NoticeEndsAt, DateTimeOffset? AwardedAt,
    IReadOnlyList<RankedEntry> Ranking, string? WinnerLabel, IReadOnlyList<ObjectionView> Objections, Guid? AwardId,
    DateTimeOffset? ClosedAt, string? EarlyCloseReason);

/// <summary>An entry as office staff and its own team see it: with its team and whether each phase's evaluations are in.</summary>
internal sealed record EntryView(Guid Id, string Label, string Title, string Solution, int Phase, IReadOnlyList<Guid> Team, IReadOnlyList<string> TeamNames,
    int Evaluations, bool Complete, int? Rank, decimal? Score, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<InvitationView> Invitations);

/// <summary>A partner the lead named, and whether it has answered; only accepted partners are on the team.</summary>
internal sealed record InvitationView(Guid OrganisationId, PartnerRequestStatus Status);

internal sealed record AttachmentView(Guid Id, string Name, string ContentType, long Size);

internal sealed record PanelView(string ExpertUserId, string DisplayName, bool Excluded, string? ExcludedReason);

internal sealed record OfficeChallengeView(ChallengeView Challenge, IReadOnlyList<EntryView> Entries, IReadOnlyList<PanelView> Panel);

/// <summary>Reading challenges: <c>GET /api/v1/challenges</c>, <c>/{id}</c>, <c>/{id}/entries</c> (office), <c>/{id}/my-entries</c>.</summary>
internal sealed class GetChallenges(ScenariosDb db, IOrganisationDirectory organisations, IActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<ChallengeView>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Challenges.AsNoTracking().OrderByDescending(c => c.CreatedAt).Select(c => c.Id).Take(200).ToListAsync(cancellationToken);
        var views = new List<ChallengeView>(ids.Count);
        foreach (var id in ids)
        {
            views.Add(await PublicAsync(id, cancellationToken));
        }

        return views;
    }

    public async Task<ChallengeView> PublicAsync(Guid id, CancellationToken cancellationToken) =>
        await ViewAsync(await ChallengeSnapshot.LoadAsync(db, id, cancellationToken), cancellationToken);

    public async Task<ChallengeView> ViewAsync(ChallengeSnapshot s, CancellationToken cancellationToken)
    {
        var c = s.Challenge;
        var announced = c.Status is ChallengeStatus.Announced or ChallengeStatus.Awarded;
        var ranking = new List<RankedEntry>();
        if (announced)
        {
            foreach (var entry in s.Entries.Where(e => e.Rank is not null).OrderBy(e => e.Rank))
            {
                ranking.Add(new RankedEntry(entry.Rank!.Value, entry.Label, entry.Title, entry.FinalScore ?? 0, await NamesAsync(entry, cancellationToken)));
            }
        }

        var objections = await db.Objections.AsNoTracking().Where(o => o.ChallengeId == c.Id).OrderBy(o => o.FiledAt).ToListAsync(cancellationToken);
        return new ChallengeView(
            c.Id, c.Title, c.Requirements, c.Eligibility, c.Deadline, c.AwardDescription, c.AwardAmount, c.PhaseNames, c.Status,
            ChallengeSteps.Enter(ChallengeState.Of(c, []), clock.GetUtcNow()).Allowed,
            c.Criteria.OrderBy(k => k.Position).Select(k => new CriterionView(k.Id, k.Name, k.Weight)).ToList(),
            c.Scenarios.Select(x => x.ScenarioId).ToList(), s.Entries.Count, c.AnnouncedAt, c.NoticeEndsAt, c.AwardedAt, ranking,
            s.Entries.FirstOrDefault(e => e.Id == c.WinnerEntryId)?.Label,
            announced ? objections.ConvertAll(o => new ObjectionView(o.Id, o.Text, o.FiledAt, o.Upheld, o.Resolution)) : [], c.AwardId,
            c.ClosedAt, c.EarlyCloseReason);
    }

    public async Task<OfficeChallengeView> OfficeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-office-staff-see-teams"), null, 403);
        }

        var s = await ChallengeSnapshot.LoadAsync(db, id, cancellationToken);
        var entries = new List<EntryView>();
        foreach (var entry in s.Entries)
        {
            entries.Add(await EntryViewAsync(s, entry, cancellationToken));
        }

        var roster = await db.Roster.AsNoTracking().ToDictionaryAsync(r => r.UserId, cancellationToken);
        var panel = s.Panel.Select(p => (p, Standing: s.StandingOf(p)))
            .Select(x => new PanelView(x.p.ExpertUserId, roster.GetValueOrDefault(x.p.ExpertUserId)?.DisplayName ?? x.p.ExpertUserId, x.Standing.Excluded, x.Standing.ExcludedReason))
            .ToList();
        return new OfficeChallengeView(await ViewAsync(s, cancellationToken), entries, panel);
    }

    public async Task<IReadOnlyList<EntryView>> MineAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? Guid.Empty;
        var s = await ChallengeSnapshot.LoadAsync(db, id, cancellationToken);
        var views = new List<EntryView>();
        foreach (var entry in s.Entries.Where(e => e.Members.Any(m => m.OrganisationId == organisation)))
        {
            views.Add(await EntryViewAsync(s, entry, cancellationToken));
        }

        return views;
    }

    /// <summary>Whether the actor sits on the challenge's panel (excluded or not).</summary>
    public async Task<bool> OnPanelAsync(Guid id, CancellationToken cancellationToken) =>
        actor.UserId is { } userId && await db.Panel.AnyAsync(p => p.ChallengeId == id && p.ExpertUserId == userId, cancellationToken);

    private async Task<EntryView> EntryViewAsync(ChallengeSnapshot s, Entry entry, CancellationToken cancellationToken) => new(
        entry.Id, entry.Label, entry.Title, entry.Solution, entry.Phase, entry.Members.Select(m => m.OrganisationId).ToList(),
        await NamesAsync(entry, cancellationToken), s.EvaluationsOf(entry, entry.Phase).Count, s.IsComplete(entry, entry.Phase), entry.Rank, entry.FinalScore,
        entry.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToList(),
        await db.PartnerRequests.AsNoTracking().Where(r => r.EntryId == entry.Id).OrderBy(r => r.RequestedAt)
            .Select(r => new InvitationView(r.OrganisationId, r.Status)).ToListAsync(cancellationToken));

    private async Task<IReadOnlyList<string>> NamesAsync(Entry entry, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var member in entry.Members.OrderBy(m => m.OrganisationId != entry.LeadOrganisationId))
        {
            var organisation = await organisations.FindAsync(member.OrganisationId, cancellationToken);
            names.Add(organisation is null ? member.OrganisationId.ToString() : $"{organisation.NameZh} / {organisation.NameEn}");
        }

        return names;
    }

    public static async Task<Ok<IReadOnlyList<ChallengeView>>> HandleListAsync(GetChallenges get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.ListAsync(cancellationToken));

    public static async Task<Ok<ChallengeView>> HandleFindAsync(Guid id, GetChallenges get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.PublicAsync(id, cancellationToken));

    public static async Task<Ok<OfficeChallengeView>> HandleOfficeAsync(Guid id, GetChallenges get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.OfficeAsync(id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<EntryView>>> HandleMineAsync(Guid id, GetChallenges get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.MineAsync(id, cancellationToken));
}
