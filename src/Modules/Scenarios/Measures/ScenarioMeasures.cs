using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Funeng.Scenarios.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Measures;

/// <summary>
/// What Scenarios puts into practice, measure by measure, read from the sector taxonomy (<see cref="Sector.Measures"/>,
/// <see cref="Sector.Indicator"/>): a published list answers the measures of its quotas' sectors (a quota of every
/// sector counts toward all application scenarios), a challenge the measures of its scenarios' sectors, and the public
/// scenarios of a sector that has any answer that sector's measures. Drafts and unpublished lists are left out: every
/// link must open for the public.
/// </summary>
internal sealed class ScenarioMeasures(ScenariosDb db, UiText text) : IMeasureImplementations
{
    public async Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<MeasureImplementation>();
        var lists = await db.Lists.AsNoTracking().Include(l => l.Quotas).Include(l => l.Entries)
            .Where(l => l.PublishedAt != null).OrderByDescending(l => l.Year).ThenBy(l => l.TitleZh).ToListAsync(cancellationToken);
        foreach (var list in lists)
        {
            var sectors = list.Quotas.Select(q => ScenarioSectors.Find(q.Sector)).OfType<Sector>().ToList();
            var indicators = list.Quotas.Select(q => q.Sector is null ? ScenarioSectors.AllScenariosIndicator : ScenarioSectors.Find(q.Sector)?.Indicator).OfType<string>();
            items.Add(new MeasureImplementation(
                ImplementationKind.ScenarioList, new LocalizedText(list.TitleZh, list.TitleEn), $"/scenarios/lists/{list.Id}",
                sectors.SelectMany(s => s.Measures).Distinct().ToList(), indicators.Distinct().ToList(), Count("scenarios.measures.listed", list.Entries.Count)));
        }

        var challenges = await db.Challenges.AsNoTracking().Include(c => c.Scenarios).OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var challengeScenarioIds = challenges.SelectMany(c => c.Scenarios.Select(s => s.ScenarioId)).Distinct().ToList();
        var sectorOf = await db.Scenarios.AsNoTracking().Where(p => challengeScenarioIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Sector, cancellationToken);
        foreach (var challenge in challenges)
        {
            var measures = challenge.Scenarios.Select(s => ScenarioSectors.Find(sectorOf.GetValueOrDefault(s.ScenarioId))).OfType<Sector>()
                .SelectMany(s => s.Measures).Distinct().ToList();
            items.Add(new MeasureImplementation(
                ImplementationKind.Challenge, new LocalizedText(challenge.Title, challenge.Title), $"/scenarios/challenges/{challenge.Id}", measures,
                Status: text.All["scenarios.challenge.status." + challenge.Status.ToString().ToLowerInvariant()]));
        }

        var published = await db.Scenarios.AsNoTracking().Where(p => p.PublishedAt != null).Select(p => new { p.Sector, p.Status }).ToListAsync(cancellationToken);
        foreach (var sector in published.Where(p => ScenarioLifecycle.IsPublic(p.Status)).GroupBy(p => p.Sector))
        {
            if (ScenarioSectors.Find(sector.Key) is { } found)
            {
                items.Add(new MeasureImplementation(
                    ImplementationKind.ScenarioSector, found.Name, $"/scenarios?sector={found.Key}", found.Measures,
                    Status: Count("scenarios.measures.published", sector.Count())));
            }
        }

        return items;
    }

    private LocalizedText Count(string key, int count)
    {
        var template = text.All[key];
        return new LocalizedText(
            UiTemplate.Fill(CultureInfo.InvariantCulture, template.Zh, count),
            UiTemplate.Fill(CultureInfo.InvariantCulture, template.En, count));
    }
}
