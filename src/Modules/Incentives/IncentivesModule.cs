using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Funeng.Incentives;

/// <summary>Programs as rules as code, eligibility, applications, awards and the budget ledger.</summary>
public static class IncentivesModule
{
    public static IHostApplicationBuilder AddIncentives(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddUiStrings(typeof(IncentivesModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapIncentives(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
