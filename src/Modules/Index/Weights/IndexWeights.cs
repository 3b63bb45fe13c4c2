using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
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
    public static List<FieldProblem> Validate(WeightSet weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var problems = new List<FieldProblem>();
        foreach (var (key, weight) in weights.Pillars)
        {
            if (!Pillars.All.Contains(key))
            {
                problems.Add(FieldProblem.Of(PillarPrefix + key, "index.problem.weights.no-pillar", key));
            }
            else if (!IsValid(weight))
            {
                problems.Add(FieldProblem.Of(PillarPrefix + key, "index.problem.weights.range", WeightSet.Maximum));
            }
        }

        foreach (var (key, weight) in weights.Indicators)
        {
            if (IndicatorCatalog.Find(key)?.Pillar is null)
            {
                problems.Add(FieldProblem.Of(IndicatorPrefix + key, "index.problem.weights.no-indicator", key));
            }
            else if (!IsValid(weight))
            {
                problems.Add(FieldProblem.Of(IndicatorPrefix + key, "index.problem.weights.range", WeightSet.Maximum));
            }
        }

        if (Pillars.All.All(p => weights.Pillar(p) <= 0))
        {
            problems.Add(FieldProblem.Of("pillars", "index.problem.weights.all-zero"));
        }

        return problems;
    }

    public async Task SaveAsync(WeightSet weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var wanted = weights.Pillars.Select(p => (Key: PillarPrefix + p.Key, Weight: p.Value))
            .Concat(weights.Indicators.Select(i => (Key: IndicatorPrefix + i.Key, Weight: i.Value))).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Weights.ToDictionaryAsync(w => w.Key, cancellationToken);
        var changes = new List<ProblemMessage>();
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
            var name = key.StartsWith(PillarPrefix, StringComparison.Ordinal)
                ? (object)ProblemMessage.Of("index.pillar." + key[PillarPrefix.Length..])
                : IndicatorCatalog.NameOf(key[IndicatorPrefix.Length..]);
            changes.Add(ProblemMessage.Of("index.audit.weight-changed", name, before, weight));
        }

        if (changes.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("index.weights.changed", "index-weights", "current", ProblemMessage.Of("index.audit.weights-changed", changes)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static bool IsValid(double weight) => double.IsFinite(weight) && weight is >= 0 and <= WeightSet.Maximum;
}
