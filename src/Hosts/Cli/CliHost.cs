using System.Globalization;
using Funeng.Catalog;
using Funeng.Compute;
using Funeng.Incentives;
using Funeng.Index;
using Funeng.Kernel;
using Funeng.Kernel.Localization;
using Funeng.Platform;
using Funeng.Policy;
using Funeng.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Funeng.Cli;

/// <summary>The same modules as the web host, composed for one command at a time.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        // The command line belongs to System.CommandLine; configuration comes from appsettings and FUNENG_/env only.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Its warnings in the language it speaks: CliText made it the process's UI culture.
        builder.Services.AddSingleton(new OperatorLanguage(CultureInfo.CurrentUICulture));
        builder.AddFunengKernel();
        builder.AddPlatform().AddPolicy().AddScenarios().AddCatalog().AddIncentives().AddCompute().AddIndex();
        return builder.Build();
    }

    /// <summary>Runs <paramref name="work"/> in a service scope of a freshly built host.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> work)
    {
        using var host = Build();
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
