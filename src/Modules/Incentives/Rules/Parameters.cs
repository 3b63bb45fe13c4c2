namespace Funeng.Incentives.Rules;

/// <summary>
/// A program's parameter values over time: the pack's own values and those office staff set later. The value on
/// a date is the latest entry in force on it, so a decision taken on a date keeps the value of that date.
/// </summary>
internal sealed class ParameterTimeline
{
    private readonly Dictionary<string, ParameterValue[]> _values;

    public ParameterTimeline(IncentiveProgram program, IEnumerable<(string Name, ParameterValue Value)>? set = null)
    {
        var all = program.Parameters.SelectMany(p => p.Values.Select(v => (p.Name, Value: v)));
        if (set is not null)
        {
            all = all.Concat(set); // later in the list wins on the same date: staff entries override the file's
        }

        _values = all.GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Value).OrderBy(v => v.From).ToArray(), StringComparer.Ordinal);
    }

    public decimal? ValueOn(string name, DateOnly date)
    {
        if (!_values.TryGetValue(name, out var entries))
        {
            return null;
        }

        decimal? value = null;
        foreach (var entry in entries)
        {
            if (entry.From > date)
            {
                break;
            }

            value = entry.Value;
        }

        return value;
    }

    public IReadOnlyList<ParameterValue> History(string name) => _values.GetValueOrDefault(name) ?? [];
}
