using Funeng.Compute.Data;
using Funeng.Compute.Registry;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Planning;

/// <summary>
/// The office's capacity plan: every compute request not cancelled (live from the requests), the registered centres'
/// pools (the registry) and the pack's compute-capacity targets (reported in the pack), through
/// <see cref="CapacityPlanning.Plan"/>. Reads only.
/// </summary>
internal sealed class PlanCapacity(ComputeDb db, IPolicyQueries policy, IActor actor)
{
    public async Task<CapacityPlan> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.refusal.office-plans"), "planning", 403);
        }

        // A cancelled request was withdrawn, so it is no demand; a failed or unplaced one still asked for compute.
        var requests = await db.Requests.AsNoTracking().Where(r => r.State != RequestState.Cancelled)
            .Select(r => new DemandRequest(r.DataCity, r.EarliestStart, r.EstimatedHours, r.Devices)).ToListAsync(cancellationToken);
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).ToListAsync(cancellationToken);
        var capacity = centres.Select(c => new CityCapacity(c.CitySlug, c.Pools.Sum(p => p.Devices), c.Pools.Sum(Capacity.Eflops))).ToList();
        var targets = await policy.ListTargetsAsync(new TargetFilter(Indicator: Capacity.Indicator), cancellationToken);
        return CapacityPlanning.Plan(requests, capacity, targets);
    }
}
