namespace Funeng.Compute.Scheduling;

/// <summary>Policy names as written in settings, the API and the command line.</summary>
internal static class PolicyNames
{
    public static string Of(PlacementPolicy policy) => policy switch
    {
        PlacementPolicy.Fifo => "fifo",
        PlacementPolicy.Cheapest => "cheapest",
        PlacementPolicy.EarliestFinish => "earliest_finish",
        PlacementPolicy.DataLocality => "data_locality",
        _ => "fair_share",
    };

    public static IReadOnlyList<PlacementPolicy> All { get; } = Enum.GetValues<PlacementPolicy>();

    public static bool TryParse(string name, out PlacementPolicy policy)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Of(candidate), name.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase))
            {
                policy = candidate;
                return true;
            }
        }

        policy = default;
        return false;
    }
}
