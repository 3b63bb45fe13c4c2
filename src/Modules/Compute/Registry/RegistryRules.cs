using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Registry;

/// <summary>What a centre, a pool and a latency must hold before they enter the registry; each problem names its field.</summary>
internal static class RegistryRules
{
    public static IEnumerable<FieldProblem> CentreProblems(CentreInput input)
    {
        if (string.IsNullOrWhiteSpace(input.NameZh) || string.IsNullOrWhiteSpace(input.NameEn))
        {
            yield return FieldProblem.Of("nameZh", "compute.problem.centre-names");
        }

        if (GuangdongCities.Find(input.City ?? "") is null)
        {
            yield return FieldProblem.Of("city", "compute.problem.city", input.City);
        }
    }

    public static IEnumerable<FieldProblem> PoolProblems(PoolInput input, string engine, IReadOnlyCollection<string> engines)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || string.IsNullOrWhiteSpace(input.Accelerator))
        {
            yield return FieldProblem.Of("name", "compute.problem.pool-name");
        }

        if (input.Devices < 1)
        {
            yield return FieldProblem.Of("devices", "compute.problem.pool-devices");
        }

        if (input.Fp16Tflops <= 0 || input.Fp32Tflops <= 0 || input.MemoryGb <= 0)
        {
            yield return FieldProblem.Of("fp16Tflops", "compute.problem.pool-performance");
        }

        if (input.PricePerDeviceHour < 0)
        {
            yield return FieldProblem.Of("pricePerDeviceHour", "compute.problem.pool-price");
        }

        if (!engines.Contains(engine, StringComparer.OrdinalIgnoreCase))
        {
            yield return FieldProblem.Of("engine", "compute.problem.engine", engine, string.Join(", ", engines));
        }
    }

    public static IEnumerable<FieldProblem> LatencyProblems(string city, LatencyInput input)
    {
        if (GuangdongCities.Find(city) is null)
        {
            yield return FieldProblem.Of("city", "compute.problem.city", city);
        }

        if (input.Milliseconds < 0 || double.IsNaN(input.Milliseconds))
        {
            yield return FieldProblem.Of("milliseconds", "compute.problem.latency-ms");
        }
    }
}
