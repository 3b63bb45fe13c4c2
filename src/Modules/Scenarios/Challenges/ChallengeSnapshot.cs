using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

/// <summary>A challenge with its entries, panel, conflicts and evaluations, loaded together for the review rules.</summary>
internal sealed class ChallengeSnapshot
{
    public required Challenge Challenge { get; init; }

    public required IReadOnlyList<Entry> Entries { get; init; }

    public required IReadOnlyList<PanelMember> Panel { get; init; }

    public required IReadOnlyList<ConflictDeclaration> Conflicts { get; init; }

    public required IReadOnlyList<Evaluation> Evaluations { get; init; }

    public int LastPhase => Challenge.PhaseNames.Length;

    public IReadOnlyList<EntryTeam> Teams => Entries.Select(e => new EntryTeam(e.Id, e.Members.Select(m => m.OrganisationId).ToList())).ToList();

    public static async Task<ChallengeSnapshot> LoadAsync(ScenariosDb db, Guid id, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.Include(c => c.Criteria).Include(c => c.Scenarios).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw NotFound(id);
        var entries = await db.Entries.Include(e => e.Members).Include(e => e.Attachments).Where(e => e.ChallengeId == id).OrderBy(e => e.SubmittedAt).ToListAsync(cancellationToken);
        var entryIds = entries.Select(e => e.Id).ToList();
        return new ChallengeSnapshot
        {
            Challenge = challenge,
            Entries = entries,
            Panel = await db.Panel.Where(p => p.ChallengeId == id).OrderBy(p => p.AssignedAt).ToListAsync(cancellationToken),
            Conflicts = await db.Conflicts.Where(c => c.ChallengeId == id).ToListAsync(cancellationToken),
            Evaluations = await db.Evaluations.Include(e => e.Scores).Where(e => entryIds.Contains(e.EntryId)).ToListAsync(cancellationToken),
        };
    }

    public static DomainRuleException NotFound(Guid id) => new(ProblemMessage.Of("scenarios.refusal.no-challenge", id), "id", 404);

    public ExpertStanding StandingOf(PanelMember member) => PanelRules.Standing(
        member.ExpertOrganisationId,
        Conflicts.Where(c => c.ExpertUserId == member.ExpertUserId).Select(c => new DeclaredConflict(c.OrganisationId, c.EntryId)),
        Teams);

    public IReadOnlyDictionary<string, ExpertStanding> Standings() => Panel.ToDictionary(p => p.ExpertUserId, StandingOf);

    public IReadOnlyList<Evaluation> EvaluationsOf(Entry entry, int phase) => Evaluations.Where(e => e.EntryId == entry.Id && e.Phase == phase).ToList();

    public bool IsComplete(Entry entry, int phase) =>
        PanelRules.Complete(entry.Id, Standings(), EvaluationsOf(entry, phase).Select(e => e.ExpertUserId).ToHashSet());
}
