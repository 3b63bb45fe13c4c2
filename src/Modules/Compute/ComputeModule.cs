using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Funeng.Compute;

/// <summary>Compute centres, pools, placement, engines, vouchers and the planning simulator.</summary>
public static class ComputeModule
{
    public static IHostApplicationBuilder AddCompute(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddUiStrings(typeof(ComputeModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapCompute(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
