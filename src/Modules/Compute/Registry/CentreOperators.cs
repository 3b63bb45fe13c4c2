using Funeng.Compute.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Registry;

/// <summary>Who may change a centre: office staff, or a compute operator of the centre's operating organisation.</summary>
internal static class CentreOperators
{
    public static bool MayOperate(IActor actor, CentreRecord centre) =>
        actor.IsInRole(Roles.OfficeStaff) || (actor.IsInRole(Roles.ComputeOperator) && actor.BelongsTo(centre.OperatorOrganisationId));

    /// <summary>Refuses (403) anyone else.</summary>
    public static void EnsureMayOperate(IActor actor, CentreRecord centre)
    {
        if (!MayOperate(actor, centre))
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.refusal.not-your-centre"), "centre", 403);
        }
    }
}
