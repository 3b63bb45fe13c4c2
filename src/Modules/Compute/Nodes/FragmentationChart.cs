using System.Text.Json;

namespace Funeng.Compute.Nodes;

/// <summary>
/// The curves of the FGD paper's experiment as bench/compute measured them (<c>--chart
/// src/Modules/Compute/Nodes/fragmentation-openb.json</c>): for each pod list and node policy, the unallocated GPU
/// share at every percent of arrived workload. Embedded in the module; null if the file is absent or unreadable.
/// </summary>
internal sealed record FragmentationChart(string Generated, int Seeds, IReadOnlyList<int> ArrivedPercent, IReadOnlyList<FragmentationTrace> Traces)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static FragmentationChart? Measured { get; } = Load();

    private static FragmentationChart? Load()
    {
        var assembly = typeof(FragmentationChart).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("fragmentation-openb.json", StringComparison.Ordinal));
        if (name is null)
        {
            return null;
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        try
        {
            return JsonSerializer.Deserialize<FragmentationChart>(stream, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record FragmentationTrace(string Trace, IReadOnlyList<FragmentationCurve> Policies);

internal sealed record FragmentationCurve(string Policy, IReadOnlyList<double> Unallocated);
