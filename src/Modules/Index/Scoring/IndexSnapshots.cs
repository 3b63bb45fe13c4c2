using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Funeng.Index.Observations;
using Funeng.Index.Weights;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Scoring;

/// <summary>Everything an index is computed from, and a fingerprint that changes whenever any of it does.</summary>
internal sealed record IndexInputs(ValueBook Book, WeightSet Weights, IReadOnlyList<PolicyTarget> Targets)
{
    private string? _fingerprint;

    /// <summary>A hash of every value, weight and target the calculation reads: equal fingerprints give equal indexes.</summary>
    public string Fingerprint => _fingerprint ??= Compute();

    private string Compute()
    {
        var text = new StringBuilder();
        foreach (var f in Book.All.OrderBy(f => f.Indicator, StringComparer.Ordinal).ThenBy(f => f.Scope, StringComparer.Ordinal).ThenBy(f => f.Year))
        {
            text.Append(CultureInfo.InvariantCulture, $"{f.Indicator}|{f.Scope}|{f.Year}|{f.Value}|{f.Invented}|{f.Version}\n");
        }

        foreach (var (key, weight) in Weights.Pillars.OrderBy(p => p.Key, StringComparer.Ordinal).Concat(Weights.Indicators.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            text.Append(CultureInfo.InvariantCulture, $"w|{key}|{weight:R}\n");
        }

        foreach (var t in Targets.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"t|{t.Id}|{t.Kind}|{t.Indicator}|{t.Scope}|{t.Year}|{t.Value}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}

/// <summary>Loads the index's inputs (observations, live counts, weights, targets): database reads, no arithmetic.</summary>
internal sealed class LoadIndexInputs(IndicatorValues values, IndexWeights weights, IPolicyQueries policy)
{
    public async Task<IndexInputs> LoadAsync(CancellationToken cancellationToken)
    {
        var book = await values.LoadAsync(cancellationToken);
        var weightSet = await weights.LoadAsync(cancellationToken);
        var targets = await policy.ListTargetsAsync(new TargetFilter(), cancellationToken);
        return new IndexInputs(book, weightSet, targets);
    }
}

/// <summary>An index computed once for a set of inputs, with when it was computed.</summary>
internal sealed record IndexSnapshot(CityIndex Index, string Fingerprint, DateTimeOffset ComputedAt);

/// <summary>
/// The computed indexes of this process, keyed by year, method, draws and the inputs' fingerprint. The Monte Carlo
/// behind the rank intervals runs once per change of inputs, off the request thread: readers with the same inputs
/// share one computation (the first waits for it, the rest find it done), and the refresher computes the dashboard's
/// index as soon as it sees the inputs change, so readers rarely wait at all.
/// </summary>
internal sealed class IndexSnapshots(TimeProvider clock)
{
    /// <summary>Snapshots for older fingerprints are dropped once a newer one is asked for; this bounds the rest.</summary>
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<SnapshotKey, Lazy<Task<IndexSnapshot>>> _entries = new();
    private long _computations;

    /// <summary>How many indexes this process has computed (each one a full sensitivity analysis when draws &gt; 0).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    /// <summary>The newest snapshot computed, for the method page ("computed at …").</summary>
    public IndexSnapshot? Latest { get; private set; }

    public Task<IndexSnapshot> GetAsync(IndexInputs inputs, int year, IndexMethod method, SensitivityOptions sensitivity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var key = new SnapshotKey(year, method, sensitivity, inputs.Fingerprint);
        var entry = _entries.GetOrAdd(key, k => new Lazy<Task<IndexSnapshot>>(() => Task.Run(() => Compute(inputs, k))));
        if (entry.Value.IsFaulted)
        {
            _entries.TryRemove(new KeyValuePair<SnapshotKey, Lazy<Task<IndexSnapshot>>>(key, entry));
        }

        Forget(key);
        return entry.Value.WaitAsync(cancellationToken);
    }

    private IndexSnapshot Compute(IndexInputs inputs, SnapshotKey key)
    {
        Interlocked.Increment(ref _computations);
        var index = CalculateIndex.Calculate(inputs.Book, inputs.Weights, inputs.Targets, key.Year, key.Method, key.Sensitivity);
        var snapshot = new IndexSnapshot(index, key.Fingerprint, clock.GetUtcNow());
        Latest = snapshot;
        return snapshot;
    }

    /// <summary>Drops what a newer fingerprint has replaced, and the oldest entries past the bound.</summary>
    private void Forget(SnapshotKey current)
    {
        foreach (var stale in _entries.Keys.Where(k => k.Fingerprint != current.Fingerprint && k with { Fingerprint = current.Fingerprint } == current))
        {
            _entries.TryRemove(stale, out _);
        }

        if (_entries.Count > MaxEntries)
        {
            foreach (var extra in _entries.Keys.Where(k => k != current).Take(_entries.Count - MaxEntries))
            {
                _entries.TryRemove(extra, out _);
            }
        }
    }

    private sealed record SnapshotKey(int Year, IndexMethod Method, SensitivityOptions Sensitivity, string Fingerprint);
}
