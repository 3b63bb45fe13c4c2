using Funeng.Compute.Scheduling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Compute.Registry;

internal sealed record CentreInput(string NameZh, string NameEn, Guid OperatorOrganisationId, string City, CentreTier Tier);

internal sealed record PoolInput(string Name, string Accelerator, int Devices, double Fp16Tflops, double Fp32Tflops, double MemoryGb, string Interconnect, decimal PricePerDeviceHour, string? Engine);

internal sealed record LatencyInput(double Milliseconds);

/// <summary><c>/api/v1/compute/centres</c>, <c>/capacity</c> and <c>/utilisation</c>: the public (office staff for the load) reads the registry; <see cref="RegisterCentres"/> changes it.</summary>
internal static class RegistryEndpoints
{
    public static async Task<Ok<IReadOnlyList<CentreView>>> ListAsync(RegistryQueries registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.CentresAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<ScopeCapacity>>> CapacityAsync(RegistryQueries registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.CapacityAsync(cancellationToken));

    /// <summary><c>/api/v1/compute/utilisation</c>: each centre's load, for office staff.</summary>
    public static async Task<Ok<IReadOnlyList<CentreUtilisation>>> UtilisationAsync(RegistryQueries registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.UtilisationAsync(cancellationToken));

    public static async Task<Created<CentreView>> CreateCentreAsync(CentreInput input, RegisterCentres register, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var id = await register.AddCentreAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/compute/centres/{id}", (await registry.CentresAsync(cancellationToken)).Single(c => c.Id == id));
    }

    public static async Task<Results<Created<PoolView>, NotFound>> AddPoolAsync(Guid id, PoolInput input, RegisterCentres register, CancellationToken cancellationToken) =>
        await register.AddPoolAsync(id, input, cancellationToken) is { } pool
            ? TypedResults.Created($"/api/v1/compute/centres/{id}", PoolView.Of(pool))
            : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> SetLatencyAsync(Guid id, string city, LatencyInput input, RegisterCentres register, CancellationToken cancellationToken) =>
        await register.SetLatencyAsync(id, city, input, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
