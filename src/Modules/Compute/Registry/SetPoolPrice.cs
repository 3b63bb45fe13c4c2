using Funeng.Compute.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>A centre's operator (or office staff) changes a pool's price per device-hour; the change is audited with the old and new price.</summary>
internal sealed class SetPoolPrice(ComputeDb db, IActor actor, IAuditLog audit)
{
    /// <summary>Returns the pool's name; refuses a price out of range, an unknown pool and another operator's pool.</summary>
    public async Task<string> ExecuteAsync(Guid poolId, decimal? price, CancellationToken cancellationToken)
    {
        if (price is not { } value || value < 0 || value > 1_000_000)
        {
            throw InvalidInputException.For("price", "compute.operator.problem.price");
        }

        var pool = await db.Pools.SingleOrDefaultAsync(p => p.Id == poolId, cancellationToken);
        var centre = pool is null ? null : await db.Centres.AsNoTracking().SingleAsync(c => c.Id == pool.CentreId, cancellationToken);
        if (pool is null || centre is null)
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.operator.problem.missing"), "poolId", 404);
        }

        if (!CentreOperators.MayOperate(actor, centre))
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.operator.problem.not-yours"), "poolId", 403);
        }

        var before = pool.PricePerDeviceHour;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        pool.PricePerDeviceHour = decimal.Round(value, 2);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.pool.price-changed", "compute_pool", pool.Id.ToString(), ProblemMessage.Of("compute.audit.pool-price-changed", pool.Name, before, pool.PricePerDeviceHour)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pool.Name;
    }
}
