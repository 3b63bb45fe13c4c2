using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Taxonomy;

namespace Funeng.Scenarios.Lists;

/// <summary>
/// A quota with its progress: how many published scenarios of the list count toward it. <c>PolicyTargetName</c> and
/// <c>PolicyTargetPath</c>: the policy target it was set from, by its name in the pack, and the page of the measure that
/// target comes from (null when set by hand, or when no loaded pack holds the target any more); a page shows the name,
/// not the id.
/// </summary>
internal sealed record QuotaView(
    Guid Id, string? Sector, LocalizedText SectorName, string Scope, LocalizedText ScopeName, int Target, int Count, string? PolicyTargetId,
    LocalizedText? PolicyTargetName, string? PolicyTargetPath)
{
    public int Percent => Target == 0 ? 100 : (int)Math.Min(100, Count * 100L / Target);
}

internal sealed record ListedScenario(Guid Id, string Title, string Sector, string City, ScenarioStatus Status);

internal sealed record ScenarioListView(
    Guid Id, string TitleZh, string TitleEn, int Year, string Scope, LocalizedText ScopeName, bool Published, DateTimeOffset? PublishedAt,
    IReadOnlyList<QuotaView> Quotas, IReadOnlyList<ListedScenario> Scenarios)
{
    public LocalizedText Title => new(TitleZh, TitleEn);

    /// <summary>The view of <paramref name="list"/> with its <paramref name="posts"/>, each quota's source looked up in the loaded packs' targets by id.</summary>
    public static ScenarioListView From(ScenarioList list, IReadOnlyList<ScenarioPost> posts, IReadOnlyDictionary<string, PolicyTarget> targets) => new(
        list.Id, list.TitleZh, list.TitleEn, list.Year, list.Scope, GuangdongCities.ScopeName(list.Scope), list.PublishedAt is not null, list.PublishedAt,
        list.Quotas.OrderBy(q => q.Sector).Select(q => (Quota: q, Target: q.PolicyTargetId is { } id ? targets.GetValueOrDefault(id) : null)).Select(q => new QuotaView(
            q.Quota.Id, q.Quota.Sector, ScenarioSectors.NameOf(q.Quota.Sector), q.Quota.Scope, GuangdongCities.ScopeName(q.Quota.Scope), q.Quota.Target,
            posts.Count(p => ListRules.Counts(q.Quota, p)), q.Quota.PolicyTargetId, q.Target?.Name, q.Target?.Measure.PagePath)).ToList(),
        posts.Select(p => new ListedScenario(p.Id, p.Title, p.Sector, p.CitySlug, p.Status)).ToList());
}
