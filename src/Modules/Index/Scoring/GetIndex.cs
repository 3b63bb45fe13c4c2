using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Index.Scoring;

/// <summary><c>GET /api/v1/index?year=</c> and <c>GET /api/v1/index/cities/{slug}?year=</c>.</summary>
internal static class GetIndex
{
    public const int MaxDraws = 20_000;

    public static async Task<Ok<IndexResponse>> HandleAsync(
        int? year, string? normalisation, string? aggregation, int? draws, int? seed, CalculateIndex calculator, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = Check(year, draws);
        var method = ParseMethod(normalisation, aggregation, problems);
        InvalidInputException.ThrowIfAny(problems);

        var index = await calculator.CalculateAsync(year ?? clock.GetUtcNow().Year, method,
            new SensitivityOptions(draws ?? CalculateIndex.DefaultDraws, seed ?? CalculateIndex.DefaultSeed), cancellationToken);
        return TypedResults.Ok(IndexResponse.From(index));
    }

    public static async Task<Results<Ok<CityTrace>, NotFound>> CityAsync(string slug, int? year, CalculateIndex calculator, TimeProvider clock, CancellationToken cancellationToken)
    {
        InvalidInputException.ThrowIfAny(Check(year, null));

        if (GuangdongCities.Find(slug) is null)
        {
            return TypedResults.NotFound();
        }

        var index = await calculator.CalculateAsync(year ?? clock.GetUtcNow().Year, IndexMethod.Default, new SensitivityOptions(CalculateIndex.DefaultDraws), cancellationToken);
        return TypedResults.Ok(CityTrace.From(index, slug));
    }

    /// <summary>Reads <c>min_max | z_score | distance_to_target</c> and <c>arithmetic | geometric</c>; a missing one takes the default.</summary>
    public static IndexMethod ParseMethod(string? normalisation, string? aggregation, List<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var n = Normalisation.MinMax;
        var a = Aggregation.Arithmetic;
        if (normalisation is not null && (!Enum.TryParse(normalisation.Replace("_", "", StringComparison.Ordinal), true, out n) || !Enum.IsDefined(n)))
        {
            problems.Add(FieldProblem.Of("normalisation", "index.problem.normalisation", normalisation));
        }

        if (aggregation is not null && (!Enum.TryParse(aggregation, true, out a) || !Enum.IsDefined(a)))
        {
            problems.Add(FieldProblem.Of("aggregation", "index.problem.aggregation", aggregation));
        }

        return new IndexMethod(n, a);
    }

    private static List<FieldProblem> Check(int? year, int? draws)
    {
        var problems = new List<FieldProblem>();
        if (year is < 2000 or > 2100)
        {
            problems.Add(FieldProblem.Of("year", "problem.value.year"));
        }

        if (draws is < 0 or > MaxDraws)
        {
            problems.Add(FieldProblem.Of("draws", "index.problem.draws", MaxDraws));
        }

        return problems;
    }
}
