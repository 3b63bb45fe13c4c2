using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>The office's placement policy, stored as a setting; earliest finish until the office chooses.</summary>
internal static class ComputeSettings
{
    public const string PolicyKey = "placement_policy";

    public static async Task<PlacementPolicy> PolicyAsync(ComputeDb db, CancellationToken cancellationToken)
    {
        var value = await db.Settings.Where(s => s.Key == PolicyKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return value is not null && PolicyNames.TryParse(value, out var policy) ? policy : PlacementPolicy.EarliestFinish;
    }
}
