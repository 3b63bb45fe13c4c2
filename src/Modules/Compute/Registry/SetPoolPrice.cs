using Funeng.Compute.Data;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>A centre's operator (or office staff) changes a pool's price per device-hour; the change is audited with the old and new price.</summary>
internal sealed class SetPoolPrice(ComputeDb db, IActor actor, IAuditLog audit)
{
    /// <summary>Null when done; otherwise the string key of the refusal.</summary>
    public async Task<string?> ExecuteAsync(Guid poolId, decimal? price, CancellationToken cancellationToken)
    {
        if (price is not { } value || value < 0 || value > 1_000_000)
        {
            return "compute.operator.problem.price";
        }

        var pool = await db.Pools.SingleOrDefaultAsync(p => p.Id == poolId, cancellationToken);
        var centre = pool is null ? null : await db.Centres.AsNoTracking().SingleAsync(c => c.Id == pool.CentreId, cancellationToken);
        if (pool is null || centre is null)
        {
            return "compute.operator.problem.missing";
        }

        if (!actor.IsInRole(Roles.OfficeStaff) && !(actor.IsInRole(Roles.ComputeOperator) && actor.BelongsTo(centre.OperatorOrganisationId)))
        {
            return "compute.operator.problem.not-yours";
        }

        var before = pool.PricePerDeviceHour;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        pool.PricePerDeviceHour = decimal.Round(value, 2);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.pool.price-changed", "compute_pool", pool.Id.ToString(), $"{pool.Name}: {before} -> {pool.PricePerDeviceHour} yuan per device-hour"), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
