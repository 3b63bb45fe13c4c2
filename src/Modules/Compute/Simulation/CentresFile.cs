using System.Text.Json;
using System.Text.Json.Serialization;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Simulation;

/// <summary>
/// A set of centres to plan with, read from JSON:
/// <c>{"centres": [{"name", "city", "up", "latency_ms": {"guangzhou": 0.4}, "pools": [{"name", "accelerator",
/// "devices", "fp16_tflops", "memory_gb", "price_per_device_hour"}]}]}</c>. Every problem names its field path.
/// </summary>
internal sealed class CentresPlan
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private CentresPlan(IReadOnlyList<CentreSpec> centres) => Centres = centres;

    internal IReadOnlyList<CentreSpec> Centres { get; }

    public int CentreCount => Centres.Count;

    public int DeviceCount => Centres.Sum(c => c.Pools.Sum(p => p.Devices));

    public static CentresPlan Load(string file)
    {
        FileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<FileDto>(File.ReadAllText(file), Json);
        }
        catch (JsonException e)
        {
            throw TraceProblem.NotJson(file, e, ProblemMessage.Of("compute.trace.centres-json", TraceProblem.PathOf(e)));
        }

        if (dto?.Centres is not { Count: > 0 } centres)
        {
            throw TraceProblem.AtField(file, "centres", ProblemMessage.Of("compute.trace.no-centres"));
        }

        var specs = new List<CentreSpec>();
        for (var i = 0; i < centres.Count; i++)
        {
            var c = centres[i];
            var at = $"centres[{i}]";
            Require(file, $"{at}.name", !string.IsNullOrWhiteSpace(c.Name), () => ProblemMessage.Of("compute.trace.missing"));
            Require(file, $"{at}.city", GuangdongCities.Find(c.City ?? "") is not null, () => ProblemMessage.Of("compute.trace.city", c.City ?? ""));
            Require(file, $"{at}.pools", c.Pools is { Count: > 0 }, () => ProblemMessage.Of("compute.trace.no-pools"));
            var pools = new List<PoolSpec>();
            for (var j = 0; j < c.Pools!.Count; j++)
            {
                var p = c.Pools[j];
                var pat = $"{at}.pools[{j}]";
                Require(file, $"{pat}.devices", p.Devices > 0, () => ProblemMessage.Of("compute.trace.at-least-one", p.Devices));
                Require(file, $"{pat}.fp16_tflops", p.Fp16Tflops > 0, () => ProblemMessage.Of("compute.trace.above-zero", p.Fp16Tflops));
                Require(file, $"{pat}.price_per_device_hour", p.PricePerDeviceHour >= 0, () => ProblemMessage.Of("compute.trace.not-negative", p.PricePerDeviceHour));
                pools.Add(new PoolSpec(StableIds.Of($"pool:{i}:{j}:{p.Name}"), p.Name ?? $"{c.Name}-{j}", p.Accelerator ?? "?", p.Devices, p.Fp16Tflops, p.MemoryGb, p.PricePerDeviceHour, "simulator"));
            }

            specs.Add(new CentreSpec(StableIds.Of($"centre:{i}:{c.Name}"), c.Name!, c.City!, c.Up ?? true, pools,
                new Dictionary<string, double>(c.LatencyMs ?? [], StringComparer.Ordinal)));
        }

        return new CentresPlan(specs);
    }

    internal static CentresPlan From(IReadOnlyList<CentreSpec> centres) => new(centres);

    private static void Require(string file, string field, bool ok, Func<ProblemMessage> problem)
    {
        if (!ok)
        {
            throw TraceProblem.AtField(file, field, problem());
        }
    }

    private sealed record FileDto(List<CentreDto>? Centres);

    private sealed record CentreDto(string? Name, string? City, bool? Up, Dictionary<string, double>? LatencyMs, List<PoolDto>? Pools);

    private sealed record PoolDto(
        string? Name,
        string? Accelerator,
        int Devices,
        [property: JsonPropertyName("fp16_tflops")] double Fp16Tflops,
        double MemoryGb,
        decimal PricePerDeviceHour);
}
