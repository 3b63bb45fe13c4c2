using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Index.Indicators;

/// <summary>An indicator with the ids of the policy targets attached to it.</summary>
internal sealed record IndicatorDto(string Key, LocalizedText Name, LocalizedText Definition, string Unit,
    Polarity Polarity, LocalizedText Source, Frequency Frequency, IndicatorScope Scope, string? Pillar, string? LiveFrom, IReadOnlyList<string> Targets);

/// <summary><c>GET /api/v1/index/indicators</c></summary>
internal static class ListIndicators
{
    public static async Task<Ok<IReadOnlyList<IndicatorDto>>> HandleAsync(IPolicyQueries policy, CancellationToken cancellationToken)
    {
        var targets = await policy.ListTargetsAsync(new TargetFilter(), cancellationToken);
        IReadOnlyList<IndicatorDto> list = IndicatorCatalog.All.Select(i => new IndicatorDto(
            i.Key, i.Name, i.Definition, i.Unit, i.Polarity, i.Source, i.Frequency, i.Scope, i.Pillar, i.LiveFrom,
            targets.Where(t => t.Indicator == i.Key).Select(t => t.Id).ToList())).ToList();
        return TypedResults.Ok(list);
    }
}
