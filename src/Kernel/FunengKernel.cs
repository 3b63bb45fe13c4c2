using Funeng.Kernel.Database;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Funeng.Kernel;

/// <summary>Registers what every host needs before the modules: clock, database settings, actor, problems.</summary>
public static class FunengKernel
{
    public static IHostApplicationBuilder AddFunengKernel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.GetDatabaseSettings();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddActors();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<StartupSequence>();
        builder.Services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateOnStart();
        builder.Services.AddUiStrings(typeof(FunengKernel).Assembly);
        builder.Services.TryAddSingleton(OperatorLanguage.Default);
        builder.Services.AddSingleton(typeof(OperatorLog<>));
        builder.Services.AddFunengProblems();
        PublicSiteOptions.Register(builder.Services);
        return builder;
    }
}
