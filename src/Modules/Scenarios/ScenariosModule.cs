using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Funeng.Scenarios;

/// <summary>The demand side: scenario posts, scenario lists with quotas, Challenge and Lead, cases and matchmaking.</summary>
public static class ScenariosModule
{
    public static IHostApplicationBuilder AddScenarios(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddUiStrings(typeof(ScenariosModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapScenarios(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
