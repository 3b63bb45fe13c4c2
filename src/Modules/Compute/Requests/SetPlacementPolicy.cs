using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>Office staff choose the policy that the next placement rounds use; the choice is audited.</summary>
internal sealed class SetPlacementPolicy(ComputeDb db, IActor actor, IAuditLog audit)
{
    public async Task<PlacementPolicy> ExecuteAsync(string? name, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.refusal.office-sets-policy"), "policy", 403);
        }

        if (!PolicyNames.TryParse(name ?? "", out var policy))
        {
            throw InvalidInputException.For("policy", "compute.problem.policy", string.Join(", ", PolicyNames.All.Select(PolicyNames.Of)));
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == ComputeSettings.PolicyKey, cancellationToken);
        if (setting is null)
        {
            db.Settings.Add(new SettingRecord { Key = ComputeSettings.PolicyKey, Value = PolicyNames.Of(policy) });
        }
        else
        {
            setting.Value = PolicyNames.Of(policy);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.policy.set", "compute_setting", ComputeSettings.PolicyKey, ProblemMessage.Of("compute.audit.policy-set", ProblemMessage.Of("compute.policy." + PolicyNames.Of(policy)))), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return policy;
    }
}
