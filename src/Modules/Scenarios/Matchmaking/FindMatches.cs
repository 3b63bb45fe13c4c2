using Funeng.Catalog.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Matchmaking;

/// <summary>
/// A supplier's best listing ranked for a scenario, with the reasons it ranks there (<see cref="Matched"/>: which
/// words matched in which field, through which glossary name) and how many more of the supplier's listings matched.
/// </summary>
internal sealed record SupplierMatch(Guid ListingId, string TitleZh, string TitleEn, Guid OrganisationId, string OrganisationNameZh, string? City, double Score, IReadOnlyList<string> Reasons, string Snippet)
{
    public IReadOnlyList<CatalogMatchReason> Matched { get; init; } = [];

    public int MoreFromSupplier { get; init; }

    /// <summary>The organisation's English name; empty when it has none (pages then show the Chinese one).</summary>
    public string OrganisationNameEn { get; init; } = "";
}

/// <summary>
/// The suppliers ranked for a scenario, and what the owner's need asks for in the domain's words (glossary terms,
/// quoted phrases) that no catalog entry mentions: the part of the need no supplier on the list answers.
/// </summary>
internal sealed record SupplierMatches(IReadOnlyList<SupplierMatch> Suppliers, IReadOnlyList<string> Unfound);

/// <summary>A published scenario that fits an enterprise's profile, and the open challenges built on it.</summary>
internal sealed record ScenarioFit(Guid ScenarioId, string Title, string Sector, string City, IReadOnlyList<string> Reasons, IReadOnlyList<Guid> OpenChallenges);

/// <summary>
/// Two-way matchmaking over the Catalog's search: <c>GET /api/v1/scenarios/{id}/matches</c> ranks supplier
/// listings for a scenario (for its owner and reviewers: <see cref="MatchesAccess"/>); <c>GET /api/v1/scenarios/fits</c>
/// lists the scenarios fitting the caller's organisation (interest and invitations: <see cref="ApproachCommands"/>).
/// </summary>
internal sealed class FindMatches(ScenariosDb db, ScenarioAccess access, ICatalogSearch search, ICatalogQueries catalog, IActor actor, TimeProvider clock)
{
    /// <summary>The API's: the suppliers, or the refusal of <see cref="MatchesAccess"/> as a problem.</summary>
    public async Task<SupplierMatches> SuppliersAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var (post, refusal) = await ReadAsync(scenarioId, cancellationToken);
        return refusal is null ? await RankAsync(post, cancellationToken) : throw refusal;
    }

    /// <summary>The scenario page's: the suppliers when <see cref="MatchesAccess"/> lets the user see them, otherwise null.</summary>
    public async Task<SupplierMatches?> SuppliersIfShownAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var (post, refusal) = await ReadAsync(scenarioId, cancellationToken);
        return refusal is null ? await RankAsync(post, cancellationToken) : null;
    }

    private async Task<(ScenarioPost Post, DomainRuleException? Refusal)> ReadAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var post = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == scenarioId, cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        // Who the user is to it decides both whether they see it at all and whether they see its matches.
        var actors = await access.ActorsAsync(post, cancellationToken);
        return ScenarioAccess.CanSee(post, actors)
            ? (post, MatchesAccess.Refusal(actor.IsAuthenticated, actors, post.Status))
            : throw EditScenario.NotFound(scenarioId);
    }

    private Task<SupplierMatches> RankAsync(ScenarioPost post, CancellationToken cancellationToken) =>
        SupplierSearch.RankAsync(search, new MatchQuery(post.Title, post.Problem, post.ExpectedOutcome, post.Sector, post.CitySlug),
            QualificationsAsync, (organisations, ct) => PastAwardsAsync(db, organisations, ct), cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> QualificationsAsync(IReadOnlyList<Guid> organisations, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var profiles = await catalog.FindOrganisationsAsync(organisations, cancellationToken);
        return organisations.ToDictionary(
            organisation => organisation,
            organisation => (IReadOnlyList<string>)(profiles.GetValueOrDefault(organisation)?.Qualifications.Where(q => q.IsValidOn(today)).Select(q => q.Kind).Distinct().ToList() ?? []));
    }

    public async Task<IReadOnlyList<ScenarioFit>> FitsAsync(CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.sign-member-organisation"), null, 401);
        var profile = await catalog.FindOrganisationAsync(organisation, cancellationToken);
        return await ScenarioFits.FindAsync(db, profile?.Sectors.ToList() ?? [], profile?.CitySlug, cancellationToken);
    }

    /// <summary>
    /// How many challenges each of <paramref name="organisations"/> (a need's candidates) has won, as a team member:
    /// only theirs are read, where every award of the platform was read for each need, and every winning entry's id
    /// sent back to the database.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> PastAwardsAsync(ScenariosDb db, IReadOnlyCollection<Guid> organisations, CancellationToken cancellationToken)
    {
        var winners = await (
            from challenge in db.Challenges.AsNoTracking()
            join member in db.EntryMembers.AsNoTracking() on challenge.WinnerEntryId equals member.EntryId
            where organisations.Contains(member.OrganisationId)
            select member.OrganisationId).ToListAsync(cancellationToken);
        return winners.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The suppliers and, as on the scenario's page, the need's terms no catalog entry mentions: a client told only "these suppliers" could not say which part of the need none answers.</summary>
    public static async Task<Ok<SupplierMatches>> HandleSuppliersAsync(Guid id, FindMatches matches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await matches.SuppliersAsync(id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ScenarioFit>>> HandleFitsAsync(FindMatches matches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await matches.FitsAsync(cancellationToken));
}
