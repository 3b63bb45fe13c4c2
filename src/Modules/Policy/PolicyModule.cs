using Funeng.Kernel.Database;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Startup;
using Funeng.Policy.Contracts;
using Funeng.Policy.Data;
using Funeng.Policy.Documents;
using Funeng.Policy.Measures;
using Funeng.Policy.Packs;
using Funeng.Policy.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Funeng.Policy;

/// <summary>Policy packs: documents, measures and quantitative targets, loaded from versioned data files.</summary>
public static class PolicyModule
{
    public static IHostApplicationBuilder AddPolicy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDatabase<PolicyDb, SqlitePolicyDb, PostgresPolicyDb>("Policy", PolicyDb.MigrationsHistoryTable);
        builder.Services.AddOptions<PolicyOptions>().BindConfiguration(PolicyOptions.Section)
            .Validate(o => Directory.Exists(o.DefaultPackDirectory), "Policy:DefaultPackDirectory does not exist.")
            .ValidateOnStart();
        builder.Services.AddUiStrings(typeof(PolicyModule).Assembly);
        builder.Services.AddScoped<IPolicyQueries, PolicyQueries>();
        builder.Services.AddScoped<ImportPolicyPack>();
        builder.Services.AddScoped<ReadMeasures>();
        builder.Services.AddScoped<IPolicyPacks, PolicyPacks>();
        builder.Services.AddScoped<IStartupInitializer, LoadDefaultPack>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPolicy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var policy = endpoints.MapGroup("/api/v1/policy").WithTags("Policy");
        policy.MapGet("/documents", GetDocuments.ListAsync).WithName("Policy.ListDocuments");
        policy.MapGet("/documents/{id}", GetDocuments.FindAsync).WithName("Policy.GetDocument");
        policy.MapGet("/targets", ListTargets.HandleAsync).WithName("Policy.ListTargets");
        policy.MapGet("/measures", MeasureEndpoints.ListAsync).WithName("Policy.ListMeasures");
        policy.MapGet("/measures/{documentId}/{number}", MeasureEndpoints.FindAsync).WithName("Policy.GetMeasure");
        return endpoints;
    }

    /// <summary>
    /// Checks a pack folder's files without a host or a database (the CLI's <c>policy validate</c> writes nothing,
    /// not even a key file); the problems, or none when valid. Importing goes through <see cref="IPolicyPacks"/>.
    /// </summary>
    public static IReadOnlyList<DataFileError> ValidatePack(string directory) => PolicyPacks.Validate(directory);
}
