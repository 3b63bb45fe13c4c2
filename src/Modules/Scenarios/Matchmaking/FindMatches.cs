using System.Text.Json;
using Funeng.Catalog.Contracts;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Matchmaking;

/// <summary>A supplier listing ranked for a scenario, with the reasons it ranks there.</summary>
internal sealed record SupplierMatch(Guid ListingId, string TitleZh, string TitleEn, Guid OrganisationId, string OrganisationNameZh, string? City, double Score, IReadOnlyList<string> Reasons, string Snippet);

/// <summary>A published scenario that fits an enterprise's profile, and the open challenges built on it.</summary>
internal sealed record ScenarioFit(Guid ScenarioId, string Title, string Sector, string City, IReadOnlyList<string> Reasons, IReadOnlyList<Guid> OpenChallenges);

internal sealed record InviteRequest(Guid OrganisationId);

/// <summary>
/// Two-way matchmaking over the Catalog's search: <c>GET /api/v1/scenarios/{id}/matches</c> ranks supplier
/// listings for a scenario; <c>GET /api/v1/scenarios/fits</c> lists the scenarios fitting the caller's
/// organisation; suppliers express interest and owners invite, each audited and notified.
/// </summary>
internal sealed class FindMatches(ScenariosDb db, GetScenarios scenarios, ICatalogSearch search, ICatalogQueries catalog, IAuditLog audit,
    INotifier notifier, CurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<SupplierMatch>> SuppliersAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var scenario = await scenarios.FindAsync(scenarioId, cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        var query = new MatchQuery(scenario.Title, scenario.Problem, scenario.ExpectedOutcome, scenario.Sector, scenario.City);
        return await SupplierSearch.RankAsync(search, query, QualificationsAsync, await PastAwardsAsync(cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> QualificationsAsync(IReadOnlyList<Guid> organisations, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var held = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var organisation in organisations)
        {
            var profile = await catalog.FindOrganisationAsync(organisation, cancellationToken);
            held[organisation] = profile?.Qualifications.Where(q => q.IsValidOn(today)).Select(q => q.Kind).Distinct().ToList() ?? [];
        }

        return held;
    }

    public async Task<IReadOnlyList<ScenarioFit>> FitsAsync(CancellationToken cancellationToken)
    {
        var organisation = user.OrganisationId ?? throw new DomainRuleException("Sign in as a member of an organisation.", null, 401);
        var profile = await catalog.FindOrganisationAsync(organisation, cancellationToken);
        var sectors = profile?.Sectors.ToHashSet() ?? [];
        var published = await scenarios.ListAsync(new GetScenarios.Filter(), cancellationToken);
        var open = await db.Challenges.AsNoTracking().Where(c => c.Status == ChallengeStatus.Open)
            .SelectMany(c => c.Scenarios.Select(s => new { s.ScenarioId, ChallengeId = c.Id })).ToListAsync(cancellationToken);
        var fits = new List<ScenarioFit>();
        foreach (var s in published.Where(s => s.Status == ScenarioStatus.Published))
        {
            var reasons = new List<string>();
            if (MatchRanking.CatalogSector(s.Sector) is { } key && sectors.Contains(key))
            {
                reasons.Add("sector");
            }

            if (profile?.CitySlug == s.City)
            {
                reasons.Add("city");
            }

            if (reasons.Count > 0)
            {
                fits.Add(new ScenarioFit(s.Id, s.Title, s.Sector, s.City, reasons, open.Where(o => o.ScenarioId == s.Id).Select(o => o.ChallengeId).ToList()));
            }
        }

        return fits.OrderByDescending(f => f.Reasons.Count).ThenByDescending(f => f.OpenChallenges.Count).ToList();
    }

    public async Task ExpressInterestAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var scenario = await scenarios.FindAsync(scenarioId, cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        if (!user.IsInRole(Roles.Enterprise) || user.OrganisationId is not { } organisation)
        {
            throw new DomainRuleException("Only enterprises express interest in a scenario.", null, 403);
        }

        if (scenario.Status != ScenarioStatus.Published)
        {
            throw new DomainRuleException("Interest is taken only while the scenario is published.", "status");
        }

        await audit.AppendAsync(new AuditEvent("scenarios.scenario.interest", "scenario", scenarioId.ToString(), JsonSerializer.Serialize(new { organisation })), cancellationToken: cancellationToken);
        await notifier.NotifyOrganisationAsync(scenario.OwnerOrganisationId, $"{user.ActorName} 对场景“{scenario.Title}”表达了合作意向",
            $"{user.ActorName} is interested in your scenario \"{scenario.Title}\"", $"/scenarios/{scenarioId}", cancellationToken);
    }

    public async Task InviteAsync(Guid scenarioId, Guid supplier, CancellationToken cancellationToken)
    {
        var scenario = await scenarios.FindAsync(scenarioId, cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        if (!user.BelongsTo(scenario.OwnerOrganisationId))
        {
            throw new DomainRuleException("Only the owning organisation invites suppliers.", null, 403);
        }

        if (await catalog.FindOrganisationAsync(supplier, cancellationToken) is null)
        {
            throw new DomainRuleException($"Organisation {supplier} has no catalog profile.", "organisationId", 422);
        }

        await audit.AppendAsync(new AuditEvent("scenarios.scenario.invited", "scenario", scenarioId.ToString(), JsonSerializer.Serialize(new { supplier })), cancellationToken: cancellationToken);
        await notifier.NotifyOrganisationAsync(supplier, $"您被邀请对接场景“{scenario.Title}”", $"You are invited to answer the scenario \"{scenario.Title}\"", $"/scenarios/{scenarioId}", cancellationToken);
    }

    /// <summary>How many challenges each organisation has won, as a team member.</summary>
    private async Task<Dictionary<Guid, int>> PastAwardsAsync(CancellationToken cancellationToken)
    {
        var winners = await db.Challenges.AsNoTracking().Where(c => c.WinnerEntryId != null).Select(c => c.WinnerEntryId!.Value).ToListAsync(cancellationToken);
        var members = await db.EntryMembers.AsNoTracking().Where(m => winners.Contains(m.EntryId)).Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        return members.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
    }

    public static async Task<Ok<IReadOnlyList<SupplierMatch>>> HandleSuppliersAsync(Guid id, FindMatches matches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await matches.SuppliersAsync(id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ScenarioFit>>> HandleFitsAsync(FindMatches matches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await matches.FitsAsync(cancellationToken));

    public static async Task<NoContent> HandleInterestAsync(Guid id, FindMatches matches, CancellationToken cancellationToken)
    {
        await matches.ExpressInterestAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> HandleInviteAsync(Guid id, InviteRequest request, FindMatches matches, CancellationToken cancellationToken)
    {
        await matches.InviteAsync(id, request.OrganisationId, cancellationToken);
        return TypedResults.NoContent();
    }
}
