using Funeng.Index.Contracts;
using Funeng.Index.Data;
using Funeng.Index.Demo;
using Funeng.Index.Export;
using Funeng.Index.Indicators;
using Funeng.Index.Measures;
using Funeng.Index.Observations;
using Funeng.Index.Progress;
using Funeng.Index.Scoring;
using Funeng.Index.Weights;
using Funeng.Kernel.Database;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Funeng.Index;

/// <summary>Indicators, observations, progress to targets and the composite empowerment index.</summary>
public static class IndexModule
{
    public static IHostApplicationBuilder AddIndex(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDatabase<IndexDb, SqliteIndexDb, PostgresIndexDb>("Index", IndexDb.MigrationsHistoryTable);
        builder.Services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.Section)
            .Validate(o => o.SnapshotRefreshSeconds >= 0, "Index:SnapshotRefreshSeconds must not be negative.").ValidateOnStart();
        builder.Services.AddUiStrings(typeof(IndexModule).Assembly);
        builder.Services.AddSingleton<IndexSnapshots>();
        builder.Services.AddScoped<LoadIndexInputs>();
        builder.Services.AddHostedService<RefreshIndexSnapshots>();
        builder.Services.AddScoped<ObservationAccess>();
        builder.Services.AddScoped<RecordObservations>();
        builder.Services.AddScoped<ImportObservations>();
        builder.Services.AddScoped<IndicatorValues>();
        builder.Services.AddScoped<IMeasureImplementations, TargetMeasures>();
        builder.Services.AddScoped<IndexWeights>();
        builder.Services.AddScoped<CalculateIndex>();
        builder.Services.AddScoped<ExportWorkbook>();
        builder.Services.AddScoped<Pages.IndexViews>();
        builder.Services.AddScoped(sp => new IndexCommands(sp.GetRequiredService<ImportObservations>(), sp.GetRequiredService<ExportWorkbook>(), sp.GetRequiredService<CalculateIndex>(), sp.GetRequiredService<UiText>()));
        builder.Services.AddScoped<IDemoSeeder, IndexDemoSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIndex(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var index = endpoints.MapGroup("/api/v1/index").WithTags("Index");
        index.MapGet("", GetIndex.HandleAsync).WithName("Index.GetIndex");
        index.MapGet("/cities/{slug}", GetIndex.CityAsync).WithName("Index.GetCityTrace");
        index.MapGet("/indicators", ListIndicators.HandleAsync).WithName("Index.ListIndicators");
        index.MapGet("/progress", GetProgress.HandleAsync).WithName("Index.GetProgress");
        index.MapGet("/observations", ObservationEndpoints.ListAsync).WithName("Index.ListObservations");
        index.MapGet("/observations/{indicator}/{scope}/{year:int}", ObservationEndpoints.HistoryAsync).WithName("Index.GetObservationHistory");
        index.MapGet("/export.xlsx", ExportWorkbook.HandleAsync).WithName("Index.Export");
        var reporters = new[] { Roles.OfficeStaff, Roles.CityStaff };
        index.MapPost("/observations", ObservationEndpoints.PostAsync).WithName("Index.PostObservation")
            .RequireAuthorization(p => p.RequireRole(reporters));
        index.MapPost("/observations/import", ObservationEndpoints.ImportAsync).WithName("Index.ImportObservations")
            .RequireAuthorization(p => p.RequireRole(reporters));
        index.MapGet("/weights", PutWeights.GetAsync).WithName("Index.GetWeights");
        index.MapPut("/weights", PutWeights.PutAsync).WithName("Index.PutWeights")
            .RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        return endpoints;
    }
}
