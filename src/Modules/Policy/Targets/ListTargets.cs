using Funeng.Kernel.Geography;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Policy.Targets;

/// <summary><c>GET /api/v1/policy/targets?year=&amp;scope=&amp;indicator=&amp;headline=</c></summary>
internal static class ListTargets
{
    public static async Task<Results<Ok<IReadOnlyList<PolicyTarget>>, ValidationProblem>> HandleAsync(
        IPolicyQueries policy, int? year, string? scope, string? indicator, bool? headline, CancellationToken cancellationToken)
    {
        if (scope is not null && !GuangdongCities.IsValidScope(scope))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["scope"] = [$"'{scope}' is not 'province' or 'city:<slug>' (e.g. city:guangzhou)."],
            });
        }

        if (year is < 2000 or > 2100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give a year between 2000 and 2100."] });
        }

        return TypedResults.Ok(await policy.ListTargetsAsync(new TargetFilter(year, scope, indicator, headline ?? false), cancellationToken));
    }
}
