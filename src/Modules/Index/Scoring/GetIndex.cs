using Funeng.Kernel.Geography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Index.Scoring;

/// <summary><c>GET /api/v1/index?year=</c> and <c>GET /api/v1/index/cities/{slug}?year=</c>.</summary>
internal static class GetIndex
{
    public const int MaxDraws = 20_000;

    public static async Task<Results<Ok<IndexResponse>, ValidationProblem>> HandleAsync(
        int? year, string? normalisation, string? aggregation, int? draws, int? seed, CalculateIndex calculator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Check(year, draws);
        var method = ParseMethod(normalisation, aggregation, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var index = await calculator.CalculateAsync(year ?? clock.GetUtcNow().Year, method,
            new SensitivityOptions(draws ?? CalculateIndex.DefaultDraws, seed ?? CalculateIndex.DefaultSeed), cancellationToken);
        return TypedResults.Ok(IndexResponse.From(index));
    }

    public static async Task<Results<Ok<CityTrace>, NotFound, ValidationProblem>> CityAsync(string slug, int? year, CalculateIndex calculator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Check(year, null);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (GuangdongCities.Find(slug) is null)
        {
            return TypedResults.NotFound();
        }

        var index = await calculator.CalculateAsync(year ?? clock.GetUtcNow().Year, IndexMethod.Default, new SensitivityOptions(CalculateIndex.DefaultDraws), cancellationToken);
        return TypedResults.Ok(CityTrace.From(index, slug));
    }

    /// <summary>Reads <c>min_max | z_score | distance_to_target</c> and <c>arithmetic | geometric</c>; a missing one takes the default.</summary>
    public static IndexMethod ParseMethod(string? normalisation, string? aggregation, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var n = Normalisation.MinMax;
        var a = Aggregation.Arithmetic;
        if (normalisation is not null && (!Enum.TryParse(normalisation.Replace("_", "", StringComparison.Ordinal), true, out n) || !Enum.IsDefined(n)))
        {
            errors["normalisation"] = ["Use min_max, z_score or distance_to_target."];
        }

        if (aggregation is not null && (!Enum.TryParse(aggregation, true, out a) || !Enum.IsDefined(a)))
        {
            errors["aggregation"] = ["Use arithmetic or geometric."];
        }

        return new IndexMethod(n, a);
    }

    private static Dictionary<string, string[]> Check(int? year, int? draws)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["Give a year between 2000 and 2100."];
        }

        if (draws is < 0 or > MaxDraws)
        {
            errors["draws"] = [$"Give between 0 and {MaxDraws} random draws."];
        }

        return errors;
    }
}
