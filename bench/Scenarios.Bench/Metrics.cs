namespace Funeng.Scenarios.Bench;

/// <summary>Graded ranking measures; gain 2^grade − 1, log2 discount, the ideal ranking from every judged listing.</summary>
internal static class Metrics
{
    public static double NdcgAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades)
    {
        var ideal = Dcg(grades.Values.OrderByDescending(g => g).Take(k).ToList());
        return ideal == 0 ? 0 : Dcg([.. ranked.Take(k).Select(id => grades.GetValueOrDefault(id))]) / ideal;
    }

    public static double RecallAt(int k, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int minimumGrade = 1)
    {
        var relevant = grades.Count(g => g.Value >= minimumGrade);
        return relevant == 0 ? 0 : (double)ranked.Take(k).Count(id => grades.GetValueOrDefault(id) >= minimumGrade) / relevant;
    }

    private static double Dcg(IReadOnlyList<int> gains) => gains.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
}
