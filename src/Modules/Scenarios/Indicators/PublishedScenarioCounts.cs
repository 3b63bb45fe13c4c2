using Funeng.Kernel.Geography;
using Funeng.Kernel.Indicators;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Funeng.Scenarios.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Indicators;

/// <summary>
/// Live counts for the Index module: scenarios published (and not closed) per year of first publication, for
/// the province and each city — <c>application_scenarios</c> in total and per sector, and each sector's own
/// indicator where the pack has one (<c>ai_elderly_care_scenarios</c>, ...). Values are counts for that year.
/// </summary>
internal sealed class PublishedScenarioCounts(ScenariosDb db) : ILiveIndicatorSource
{
    private const string Source = "scenarios.source.published"; // a strings.json key: Index shows it in the reader's language

    public async Task<IReadOnlyList<LiveObservation>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Scenarios.AsNoTracking().Where(p => p.PublishedAt != null)
            .Select(p => new { p.Sector, p.CitySlug, p.Status, p.PublishedAt }).ToListAsync(cancellationToken);
        var published = rows.Where(r => ScenarioLifecycle.IsPublic(r.Status))
            .Select(r => (r.Sector, Scope: GuangdongCities.CityScopePrefix + r.CitySlug, Year: r.PublishedAt!.Value.Year)).ToList();
        return Count(published);
    }

    internal static IReadOnlyList<LiveObservation> Count(IReadOnlyList<(string Sector, string Scope, int Year)> published)
    {
        var observations = new List<LiveObservation>();
        var withProvince = published.Concat(published.Select(p => (p.Sector, Scope: GuangdongCities.ProvinceScope, p.Year))).ToList();
        foreach (var group in withProvince.GroupBy(p => (p.Scope, p.Year)))
        {
            observations.Add(new(ScenarioSectors.AllScenariosIndicator, group.Key.Scope, group.Key.Year, group.Count(), Source));
            foreach (var sector in group.GroupBy(p => p.Sector))
            {
                observations.Add(new(ScenarioSectors.AllScenariosIndicator, group.Key.Scope, group.Key.Year, sector.Count(), Source, sector.Key, ScenarioSectors.Find(sector.Key)?.Name));
                if (ScenarioSectors.Find(sector.Key)?.Indicator is { } indicator)
                {
                    observations.Add(new(indicator, group.Key.Scope, group.Key.Year, sector.Count(), Source));
                }
            }
        }

        return observations;
    }
}
