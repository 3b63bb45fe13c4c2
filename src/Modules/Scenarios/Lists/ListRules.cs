using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Taxonomy;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;

namespace Funeng.Scenarios.Lists;

/// <summary>The pure rules of lists: where a quota's figure comes from, what fits a list, and progress.</summary>
internal static class ListRules
{
    /// <summary>True when a scenario in <paramref name="citySlug"/> lies within <paramref name="scope"/>.</summary>
    public static bool InScope(string scope, string citySlug) =>
        scope == GuangdongCities.ProvinceScope || scope == GuangdongCities.CityScopePrefix + citySlug;

    public static bool Counts(ListQuota quota, ScenarioPost post) =>
        ScenarioLifecycle.IsPublic(post.Status) && (quota.Sector is null || quota.Sector == post.Sector) && InScope(quota.Scope, post.CitySlug);

    /// <summary>Why <paramref name="post"/> cannot go into <paramref name="list"/> (a <c>strings.json</c> message naming the city or sector), or null when it can.</summary>
    public static ProblemMessage? Misfit(ScenarioList list, ScenarioPost post)
    {
        if (!InScope(list.Scope, post.CitySlug))
        {
            var city = GuangdongCities.Find(post.CitySlug)?.Name ?? new LocalizedText(post.CitySlug, post.CitySlug);
            return ProblemMessage.Of("scenarios.refusal.list-outside-scope", city, GuangdongCities.ScopeName(list.Scope));
        }

        return list.Quotas.Count > 0 && !list.Quotas.Any(q => q.Sector is null || q.Sector == post.Sector)
            ? ProblemMessage.Of("scenarios.refusal.list-no-quota-for-sector", Sectors.Name(post.Sector))
            : null;
    }

    /// <summary>
    /// The pack's target for a quota: the one that applies to the list's year, else the nearest later goal
    /// (a 2027 goal is what a 2026 list builds toward).
    /// </summary>
    public static PolicyTarget? TargetFor(IEnumerable<PolicyTarget> candidates, int year) =>
        candidates.Where(t => t.Kind == TargetKind.Goal).FirstOrDefault(t => t.AppliesTo(year))
        ?? candidates.Where(t => t.Kind == TargetKind.Goal && t.Year > year).OrderBy(t => t.Year).FirstOrDefault();
}
