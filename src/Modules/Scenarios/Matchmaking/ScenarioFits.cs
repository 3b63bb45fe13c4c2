using Funeng.Scenarios.Data;
using Funeng.Scenarios.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Matchmaking;

/// <summary>
/// Enterprise → open scenarios that fit it: published scenarios in one of its sectors or its city, both first,
/// newest first within each, with the open challenges built on them. Indexed reads that stop at the page size
/// (status, sector or city, publication time) rather than a scan and sort, so it stays fast with 100,000
/// scenarios (bench/Scenarios.Bench).
/// </summary>
internal static class ScenarioFits
{
    public const int Shown = 100;

    public static async Task<IReadOnlyList<ScenarioFit>> FindAsync(ScenariosDb db, IReadOnlyCollection<string> supplierSectors, string? city, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(supplierSectors);
        var sectors = ScenarioSectors.All.Select(s => s.Key).Where(supplierSectors.Contains).ToList();
        var published = db.Scenarios.AsNoTracking().Where(s => s.Status == ScenarioStatus.Published);
        var found = new List<ScenarioPost>();
        foreach (var sector in sectors)
        {
            // One query per sector: each reads the (status, sector, published) index backwards and stops at Shown.
            found.AddRange(await published.Where(s => s.Sector == sector).OrderByDescending(s => s.PublishedAt).Take(Shown).ToListAsync(cancellationToken));
        }

        var byCity = city is null ? [] : await published.Where(s => s.CitySlug == city)
            .OrderByDescending(s => s.PublishedAt).Take(Shown).ToListAsync(cancellationToken);
        var posts = found.Concat(byCity).DistinctBy(s => s.Id)
            .Select(s => (Post: s, Reasons: Reasons(s, sectors, city)))
            .OrderByDescending(f => f.Reasons.Count).ThenByDescending(f => f.Post.PublishedAt).Take(Shown).ToList();
        var ids = posts.Select(p => p.Post.Id).ToList();
        var open = await db.ChallengeScenarios.AsNoTracking().Where(cs => ids.Contains(cs.ScenarioId))
            .Join(db.Challenges.Where(c => c.Status == ChallengeStatus.Open), cs => cs.ChallengeId, c => c.Id, (cs, c) => new { cs.ScenarioId, ChallengeId = c.Id })
            .ToListAsync(cancellationToken);
        return [.. posts.Select(p => new ScenarioFit(p.Post.Id, p.Post.Title, p.Post.Sector, p.Post.CitySlug, p.Reasons,
            [.. open.Where(o => o.ScenarioId == p.Post.Id).Select(o => o.ChallengeId)]))];
    }

    private static List<string> Reasons(ScenarioPost post, List<string> sectors, string? city)
    {
        var reasons = new List<string>();
        if (sectors.Contains(post.Sector))
        {
            reasons.Add("sector");
        }

        if (post.CitySlug == city)
        {
            reasons.Add("city");
        }

        return reasons;
    }
}
