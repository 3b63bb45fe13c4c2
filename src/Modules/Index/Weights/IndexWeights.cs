using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Index.Weights;

/// <summary>The weights the office set; every pillar and indicator not set weighs 1 (equal weighting).</summary>
internal sealed record WeightSet(IReadOnlyDictionary<string, double> Pillars, IReadOnlyDictionary<string, double> Indicators)
{
    public const double Default = 1;

    public const double Maximum = 100;

    public double Pillar(string key) => Pillars.GetValueOrDefault(key, Default);

    public double Indicator(string key) => Indicators.GetValueOrDefault(key, Default);

    public static WeightSet Equal { get; } = new(new Dictionary<string, double>(), new Dictionary<string, double>());
}

/// <summary>Reads and saves the office's weights; a save is audited in its transaction.</summary>
internal sealed class IndexWeights(IndexDb db, IAuditLog audit, IActor actor, TimeProvider clock)
{
    private const string PillarPrefix = "pillar:";
    private const string IndicatorPrefix = "indicator:";

    public async Task<WeightSet> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Weights.AsNoTracking().ToListAsync(cancellationToken);
        return new WeightSet(
            rows.Where(r => r.Key.StartsWith(PillarPrefix, StringComparison.Ordinal)).ToDictionary(r => r.Key[PillarPrefix.Length..], r => r.Weight),
            rows.Where(r => r.Key.StartsWith(IndicatorPrefix, StringComparison.Ordinal)).ToDictionary(r => r.Key[IndicatorPrefix.Length..], r => r.Weight));
    }

    /// <summary>Problems with a proposed set, by field (<c>pillar:x</c>, <c>indicator:y</c>); empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(WeightSet weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, weight) in weights.Pillars)
        {
            if (!Pillars.All.Contains(key))
            {
                errors[PillarPrefix + key] = [$"'{key}' is not a pillar of the index."];
            }
            else if (!IsValid(weight))
            {
                errors[PillarPrefix + key] = [$"A weight is a number from 0 to {WeightSet.Maximum}."];
            }
        }

        foreach (var (key, weight) in weights.Indicators)
        {
            if (IndicatorCatalog.Find(key)?.Pillar is null)
            {
                errors[IndicatorPrefix + key] = [$"'{key}' is not an indicator of the index."];
            }
            else if (!IsValid(weight))
            {
                errors[IndicatorPrefix + key] = [$"A weight is a number from 0 to {WeightSet.Maximum}."];
            }
        }

        if (Pillars.All.All(p => weights.Pillar(p) <= 0))
        {
            errors["pillars"] = ["At least one pillar needs a weight above 0."];
        }

        return errors;
    }

    public async Task SaveAsync(WeightSet weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var wanted = weights.Pillars.Select(p => (Key: PillarPrefix + p.Key, Weight: p.Value))
            .Concat(weights.Indicators.Select(i => (Key: IndicatorPrefix + i.Key, Weight: i.Value))).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Weights.ToDictionaryAsync(w => w.Key, cancellationToken);
        var changes = new List<string>();
        foreach (var (key, weight) in wanted)
        {
            var before = existing.GetValueOrDefault(key)?.Weight ?? WeightSet.Default;
            if (Math.Abs(before - weight) < 1e-12)
            {
                continue;
            }

            var row = existing.GetValueOrDefault(key) ?? db.Weights.Add(new WeightRecord { Key = key }).Entity;
            row.Weight = weight;
            row.UpdatedAt = clock.GetUtcNow();
            row.UpdatedBy = actor.Name;
            changes.Add($"{key} {before:0.###} → {weight:0.###}");
        }

        if (changes.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("index.weights.changed", "index-weights", "current", string.Join("; ", changes)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static bool IsValid(double weight) => double.IsFinite(weight) && weight is >= 0 and <= WeightSet.Maximum;
}
