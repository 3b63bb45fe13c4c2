using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Engines;
using Funeng.Compute.Requests;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

internal sealed record CentreInput(string NameZh, string NameEn, Guid OperatorOrganisationId, string City, CentreTier Tier);

internal sealed record PoolInput(string Name, string Accelerator, int Devices, double Fp16Tflops, double Fp32Tflops, double MemoryGb, string Interconnect, decimal PricePerDeviceHour, string? Engine);

internal sealed record LatencyInput(double Milliseconds);

internal sealed record CentreStatusInput(bool Up);

/// <summary>The registry over HTTP: the public reads it; office staff add centres; office staff or the centre's operator add pools, latencies and take it down or up.</summary>
internal static class ManageRegistry
{
    public static async Task<Ok<IReadOnlyList<CentreView>>> ListAsync(ComputeDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CentreView.LoadAsync(db, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ScopeCapacity>>> CapacityAsync(ComputeDb db, IPolicyQueries policy, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Capacity.ByScopeAsync(db, policy, cancellationToken));

    public static async Task<Results<Created<CentreView>, ValidationProblem>> CreateCentreAsync(CentreInput input, ComputeDb db, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.NameZh) || string.IsNullOrWhiteSpace(input.NameEn))
        {
            errors["nameZh"] = ["Give the centre's name in Chinese and English."];
        }

        if (GuangdongCities.Find(input.City ?? "") is null)
        {
            errors["city"] = [$"'{input.City}' is not a Guangdong city slug."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var centre = new CentreRecord { Id = Guid.NewGuid(), NameZh = input.NameZh.Trim(), NameEn = input.NameEn.Trim(), OperatorOrganisationId = input.OperatorOrganisationId, CitySlug = input.City!, Tier = input.Tier, CreatedAt = time.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Centres.Add(centre);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.centre.registered", "compute_centre", centre.Id.ToString(), JsonSerializer.Serialize(input, PlaceRequests.Json)), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/compute/centres/{centre.Id}", (await CentreView.LoadAsync(db, cancellationToken)).Single(c => c.Id == centre.Id));
    }

    public static async Task<Results<Created<PoolRecord>, ValidationProblem, NotFound, ForbidHttpResult>> AddPoolAsync(
        Guid id, PoolInput input, ComputeDb db, IActor actor, EngineDirectory engines, IAuditLog audit, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return TypedResults.NotFound();
        }

        if (!MayOperate(actor, centre))
        {
            return TypedResults.Forbid();
        }

        var engine = string.IsNullOrWhiteSpace(input.Engine) ? SimulatorEngine.EngineName : input.Engine.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name) || string.IsNullOrWhiteSpace(input.Accelerator))
        {
            errors["name"] = ["Give the pool a name and its accelerator model."];
        }

        if (input.Devices < 1)
        {
            errors["devices"] = ["A pool has at least one device."];
        }

        if (input.Fp16Tflops <= 0 || input.Fp32Tflops <= 0 || input.MemoryGb <= 0)
        {
            errors["fp16Tflops"] = ["FP16, FP32 TFLOPS and memory per device must be above 0."];
        }

        if (input.PricePerDeviceHour < 0)
        {
            errors["pricePerDeviceHour"] = ["The price cannot be negative."];
        }

        if (!engines.Names.Contains(engine, StringComparer.OrdinalIgnoreCase))
        {
            errors["engine"] = [$"Unknown engine '{engine}' (known: {string.Join(", ", engines.Names)})."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var pool = new PoolRecord
        {
            Id = Guid.NewGuid(), CentreId = centre.Id, Name = input.Name.Trim(), Accelerator = input.Accelerator.Trim(), Devices = input.Devices,
            Fp16Tflops = input.Fp16Tflops, Fp32Tflops = input.Fp32Tflops, MemoryGb = input.MemoryGb, Interconnect = input.Interconnect?.Trim() ?? "",
            PricePerDeviceHour = input.PricePerDeviceHour, Engine = engine,
        };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Pools.Add(pool);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.pool.registered", "compute_pool", pool.Id.ToString(), JsonSerializer.Serialize(input, PlaceRequests.Json)), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/compute/centres/{centre.Id}", pool);
    }

    public static async Task<Results<NoContent, ValidationProblem, NotFound, ForbidHttpResult>> SetLatencyAsync(
        Guid id, string city, LatencyInput input, ComputeDb db, IActor actor, IAuditLog audit, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return TypedResults.NotFound();
        }

        if (!MayOperate(actor, centre))
        {
            return TypedResults.Forbid();
        }

        if (GuangdongCities.Find(city) is null || input.Milliseconds < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [GuangdongCities.Find(city) is null ? "city" : "milliseconds"] = ["Give a Guangdong city slug and a latency of 0 ms or more."] });
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var latency = await db.Latencies.SingleOrDefaultAsync(l => l.CentreId == id && l.CitySlug == city, cancellationToken);
        if (latency is null)
        {
            db.Latencies.Add(new LatencyRecord { CentreId = id, CitySlug = city, Milliseconds = input.Milliseconds });
        }
        else
        {
            latency.Milliseconds = input.Milliseconds;
            latency.IsDemo = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.latency.set", "compute_centre", id.ToString(), $"{city}: {input.Milliseconds} ms"), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CentreStatusResult>, NotFound, ForbidHttpResult>> SetStatusAsync(
        Guid id, CentreStatusInput input, ComputeDb db, IActor actor, RequestTransitions transitions, PlaceRequests placer, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return TypedResults.NotFound();
        }

        if (!MayOperate(actor, centre))
        {
            return TypedResults.Forbid();
        }

        var moved = await transitions.SetCentreUpAsync(centre, input.Up, cancellationToken);
        var placed = await placer.RunAsync(cancellationToken);
        return TypedResults.Ok(new CentreStatusResult(centre.Up, moved, placed));
    }

    /// <summary>Office staff, or a compute operator of the centre's operating organisation.</summary>
    public static bool MayOperate(IActor actor, CentreRecord centre) =>
        actor.IsInRole(Roles.OfficeStaff) || (actor.IsInRole(Roles.ComputeOperator) && actor.BelongsTo(centre.OperatorOrganisationId));
}

/// <summary>The outcome of taking a centre down or up: how many jobs went back to the queue, and how many were placed.</summary>
internal sealed record CentreStatusResult(bool Up, int JobsReturnedToQueue, int JobsPlaced);
