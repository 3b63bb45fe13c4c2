using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Taxonomy;

namespace Funeng.Scenarios.Lists;

/// <summary>A quota with its progress: how many published scenarios of the list count toward it.</summary>
internal sealed record QuotaView(Guid Id, string? Sector, LocalizedText SectorName, string Scope, LocalizedText ScopeName, int Target, int Count, string? PolicyTargetId)
{
    public int Percent => Target == 0 ? 100 : (int)Math.Min(100, Count * 100L / Target);
}

internal sealed record ListedScenario(Guid Id, string Title, string Sector, string City, ScenarioStatus Status);

internal sealed record ScenarioListView(
    Guid Id, string TitleZh, string TitleEn, int Year, string Scope, LocalizedText ScopeName, bool Published, DateTimeOffset? PublishedAt,
    IReadOnlyList<QuotaView> Quotas, IReadOnlyList<ListedScenario> Scenarios)
{
    public LocalizedText Title => new(TitleZh, TitleEn);

    public static ScenarioListView From(ScenarioList list, IReadOnlyList<ScenarioPost> posts) => new(
        list.Id, list.TitleZh, list.TitleEn, list.Year, list.Scope, GuangdongCities.ScopeName(list.Scope), list.PublishedAt is not null, list.PublishedAt,
        list.Quotas.OrderBy(q => q.Sector).Select(q => new QuotaView(
            q.Id, q.Sector, ScenarioSectors.NameOf(q.Sector), q.Scope, GuangdongCities.ScopeName(q.Scope), q.Target,
            posts.Count(p => ListRules.Counts(q, p)), q.PolicyTargetId)).ToList(),
        posts.Select(p => new ListedScenario(p.Id, p.Title, p.Sector, p.CitySlug, p.Status)).ToList());
}
