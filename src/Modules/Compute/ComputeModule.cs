using Funeng.Compute.Data;
using Funeng.Compute.Engines;
using Funeng.Compute.Live;
using Funeng.Compute.Registry;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Database;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Funeng.Compute;

/// <summary>Compute centres, pools, placement, engines, vouchers and the planning simulator.</summary>
public static class ComputeModule
{
    public static IHostApplicationBuilder AddCompute(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDatabase<ComputeDb, SqliteComputeDb, PostgresComputeDb>("Compute", ComputeDb.MigrationsHistoryTable);
        builder.Services.AddOptions<ComputeOptions>().BindConfiguration(ComputeOptions.Section)
            .Validate(o => o.WatchIntervalSeconds >= 0, "Compute:WatchIntervalSeconds cannot be negative.").ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ComputeOptions>, Jobs.JobTemplatesValidation>();
        builder.Services.AddSingleton<Jobs.JobTemplates>();
        builder.Services.AddOptions<SlurmOptions>().BindConfiguration(ComputeOptions.Section + ":Slurm");
        builder.Services.AddUiStrings(typeof(ComputeModule).Assembly);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IComputeEngine, SimulatorEngine>();
        builder.Services.AddSingleton<IComputeEngine, SlurmEngine>();
        builder.Services.AddSingleton<EngineDirectory>();
        builder.Services.AddScoped<PlaceRequests>();
        builder.Services.AddScoped<RequestTransitions>();
        builder.Services.AddScoped<Registry.SetPoolPrice>();
        builder.Services.AddScoped<RegisterCentres>();
        builder.Services.AddScoped<CancelRequest>();
        builder.Services.AddScoped<SetPlacementPolicy>();
        builder.Services.AddScoped<ChangeCentreStatus>();
        builder.Services.AddScoped<GrantVoucher>();
        builder.Services.AddScoped<SubmitRequest>();
        builder.Services.AddScoped<Planning.PlanCapacity>();
        builder.Services.AddScoped<RegistryQueries>();
        builder.Services.AddScoped<RequestQueries>();
        builder.Services.AddScoped<VoucherQueries>();
        builder.Services.AddScoped<Incentives.Contracts.IVoucherAwardHandler, Vouchers.CreditVoucherAwards>();
        builder.Services.AddScoped<IDemoSeeder, ComputeDemoSeeder>();
        builder.Services.AddScoped<ILiveIndicatorSource, ComputeLiveIndicators>();
        builder.Services.AddScoped<IMeasureImplementations, ComputeMeasures>();
        builder.Services.AddHostedService<EngineWatcher>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCompute(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var compute = endpoints.MapGroup("/api/v1/compute").WithTags("Compute");
        var office = compute.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        var operators = compute.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff, Roles.ComputeOperator));
        var enterprise = compute.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Enterprise));
        var signedIn = compute.MapGroup("").RequireAuthorization();

        compute.MapGet("/centres", RegistryEndpoints.ListAsync).WithName("Compute.ListCentres");
        compute.MapGet("/capacity", RegistryEndpoints.CapacityAsync).WithName("Compute.Capacity");
        office.MapPost("/centres", RegistryEndpoints.CreateCentreAsync).WithName("Compute.RegisterCentre");
        operators.MapPost("/centres/{id:guid}/pools", RegistryEndpoints.AddPoolAsync).WithName("Compute.RegisterPool");
        operators.MapPut("/centres/{id:guid}/latencies/{city}", RegistryEndpoints.SetLatencyAsync).WithName("Compute.SetLatency");
        operators.MapPost("/centres/{id:guid}/status", RequestEndpoints.SetCentreStatusAsync).WithName("Compute.SetCentreStatus");
        operators.MapGet("/centres/{id:guid}/nodes", Nodes.CentreNodes.HandleAsync).WithName("Compute.CentreNodes");

        signedIn.MapGet("/job-templates", (Jobs.JobTemplates templates) => TypedResults.Ok(templates.List())).WithName("Compute.JobTemplates");
        enterprise.MapPost("/requests", RequestEndpoints.SubmitAsync).WithName("Compute.SubmitRequest");
        signedIn.MapGet("/requests/mine", RequestEndpoints.MineAsync).WithName("Compute.MyRequests");
        signedIn.MapGet("/requests/{id:guid}", RequestEndpoints.GetAsync).WithName("Compute.GetRequest");
        enterprise.MapPost("/requests/{id:guid}/cancel", RequestEndpoints.CancelAsync).WithName("Compute.CancelRequest");

        office.MapGet("/policy", RequestEndpoints.GetPolicyAsync).WithName("Compute.GetPolicy");
        office.MapPut("/policy", RequestEndpoints.SetPolicyAsync).WithName("Compute.SetPolicy");
        office.MapPost("/rounds", RequestEndpoints.RunRoundAsync).WithName("Compute.RunRound");
        office.MapGet("/utilisation", RegistryEndpoints.UtilisationAsync).WithName("Compute.Utilisation");

        office.MapPost("/vouchers", VoucherEndpoints.GrantAsync).WithName("Compute.GrantVoucher");
        signedIn.MapGet("/vouchers/mine", VoucherEndpoints.MineAsync).WithName("Compute.MyVouchers");
        signedIn.MapGet("/reports/usage", VoucherEndpoints.UsageAsync).WithName("Compute.UsageReport");
        return endpoints;
    }
}
