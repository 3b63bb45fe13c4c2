using Funeng.Compute.Data;
using Funeng.Compute.Engines;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>
/// Changes to the registry: office staff add centres; office staff or the centre's operator add its pools and set
/// its latency to a city. Each change is audited in the same transaction.
/// </summary>
internal sealed class RegisterCentres(ComputeDb db, IActor actor, EngineDirectory engines, IAuditLog audit, TimeProvider time)
{
    public async Task<Guid> AddCentreAsync(CentreInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.refusal.office-registers-centres"), "centre", 403);
        }

        InvalidInputException.ThrowIfAny(RegistryRules.CentreProblems(input));
        var centre = new CentreRecord { Id = Guid.NewGuid(), NameZh = input.NameZh.Trim(), NameEn = input.NameEn.Trim(), OperatorOrganisationId = input.OperatorOrganisationId, CitySlug = input.City, Tier = input.Tier, CreatedAt = time.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Centres.Add(centre);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.centre.registered", "compute_centre", centre.Id.ToString(), ProblemMessage.Of("compute.audit.centre-registered", LocalizedText.Of(centre.NameZh, centre.NameEn), GuangdongCities.NameOf(centre.CitySlug), ProblemMessage.Of("compute.tier." + centre.Tier.ToString().ToLowerInvariant()), centre.OperatorOrganisationId.ToString())), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return centre.Id;
    }

    /// <summary>Null when there is no such centre.</summary>
    public async Task<PoolRecord?> AddPoolAsync(Guid centreId, PoolInput input, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == centreId, cancellationToken);
        if (centre is null)
        {
            return null;
        }

        CentreOperators.EnsureMayOperate(actor, centre);
        var engine = string.IsNullOrWhiteSpace(input.Engine) ? SimulatorEngine.EngineName : input.Engine.Trim().ToLowerInvariant();
        InvalidInputException.ThrowIfAny(RegistryRules.PoolProblems(input, engine, engines.Names));
        var pool = new PoolRecord
        {
            Id = Guid.NewGuid(), CentreId = centre.Id, Name = input.Name.Trim(), Accelerator = input.Accelerator.Trim(), Devices = input.Devices,
            Fp16Tflops = input.Fp16Tflops, Fp32Tflops = input.Fp32Tflops, MemoryGb = input.MemoryGb, Interconnect = input.Interconnect?.Trim() ?? "",
            PricePerDeviceHour = input.PricePerDeviceHour, Engine = engine,
        };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Pools.Add(pool);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.pool.registered", "compute_pool", pool.Id.ToString(), ProblemMessage.Of("compute.audit.pool-registered", pool.Name, LocalizedText.Of(centre.NameZh, centre.NameEn), pool.Accelerator, pool.Devices, pool.PricePerDeviceHour, ProblemMessage.Of("compute.engine." + pool.Engine))), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return pool;
    }

    /// <summary>False when there is no such centre.</summary>
    public async Task<bool> SetLatencyAsync(Guid centreId, string city, LatencyInput input, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == centreId, cancellationToken);
        if (centre is null)
        {
            return false;
        }

        CentreOperators.EnsureMayOperate(actor, centre);
        InvalidInputException.ThrowIfAny(RegistryRules.LatencyProblems(city, input));
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var latency = await db.Latencies.SingleOrDefaultAsync(l => l.CentreId == centreId && l.CitySlug == city, cancellationToken);
        if (latency is null)
        {
            db.Latencies.Add(new LatencyRecord { CentreId = centreId, CitySlug = city, Milliseconds = input.Milliseconds });
        }
        else
        {
            latency.Milliseconds = input.Milliseconds;
            latency.IsDemo = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.latency.set", "compute_centre", centreId.ToString(), ProblemMessage.Of("compute.audit.latency-set", LocalizedText.Of(centre.NameZh, centre.NameEn), GuangdongCities.NameOf(city), input.Milliseconds)), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
