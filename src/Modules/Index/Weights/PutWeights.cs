using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Index.Weights;

internal sealed record WeightsBody(Dictionary<string, double>? Pillars, Dictionary<string, double>? Indicators);

/// <summary><c>GET</c> and <c>PUT /api/v1/index/weights</c> (office staff): the pillar and indicator weights.</summary>
internal static class PutWeights
{
    public static async Task<Ok<WeightsBody>> GetAsync(IndexWeights weights, CancellationToken cancellationToken)
    {
        var set = await weights.LoadAsync(cancellationToken);
        return TypedResults.Ok(new WeightsBody(
            Indicators.Pillars.All.ToDictionary(p => p, set.Pillar),
            Indicators.IndicatorCatalog.All.Where(i => i.Pillar is not null).ToDictionary(i => i.Key, i => set.Indicator(i.Key))));
    }

    public static async Task<NoContent> PutAsync(WeightsBody body, IndexWeights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var current = await weights.LoadAsync(cancellationToken);
        var merged = new WeightSet(
            Merge(current.Pillars, body.Pillars),
            Merge(current.Indicators, body.Indicators));
        InvalidInputException.ThrowIfAny(IndexWeights.Validate(merged));

        await weights.SaveAsync(merged, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Dictionary<string, double> Merge(IReadOnlyDictionary<string, double> current, Dictionary<string, double>? changes)
    {
        var merged = current.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (key, value) in changes ?? [])
        {
            merged[key] = value;
        }

        return merged;
    }
}
