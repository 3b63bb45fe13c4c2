using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Funeng.Index;

/// <summary>Indicators, observations, progress to targets and the composite empowerment index.</summary>
public static class IndexModule
{
    public static IHostApplicationBuilder AddIndex(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddUiStrings(typeof(IndexModule).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapIndex(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
