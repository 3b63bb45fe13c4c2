using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Policy.Targets;

/// <summary><c>GET /api/v1/policy/targets?year=&amp;scope=&amp;indicator=&amp;headline=</c></summary>
internal static class ListTargets
{
    public static async Task<Ok<IReadOnlyList<PolicyTarget>>> HandleAsync(
        IPolicyQueries policy, int? year, string? scope, string? indicator, bool? headline, CancellationToken cancellationToken)
    {
        if (scope is not null && !GuangdongCities.IsValidScope(scope))
        {
            throw InvalidInputException.For("scope", "problem.value.scope", scope);
        }

        if (year is < 2000 or > 2100)
        {
            throw InvalidInputException.For("year", "problem.value.year");
        }

        return TypedResults.Ok(await policy.ListTargetsAsync(new TargetFilter(year, scope, indicator, headline ?? false), cancellationToken));
    }
}
