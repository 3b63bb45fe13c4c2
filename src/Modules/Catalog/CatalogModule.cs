using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Editions;
using Funeng.Catalog.Exports;
using Funeng.Catalog.Import;
using Funeng.Catalog.Listings;
using Funeng.Catalog.Organisations;
using Funeng.Catalog.SavedSearches;
using Funeng.Catalog.Search;
using Funeng.Catalog.Search.Glossary;
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
using Microsoft.Extensions.Hosting;

namespace Funeng.Catalog;

/// <summary>The supply side: organisation profiles, listings, imports and bilingual search.</summary>
public static class CatalogModule
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDatabase<CatalogDb, SqliteCatalogDb, PostgresCatalogDb>("Catalog", CatalogDb.MigrationsHistoryTable);
        var services = builder.Services;
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section)
            .Validate(o => Directory.Exists(o.DemoDataDirectory), "Catalog:DemoDataDirectory does not exist.")
            .Validate(o => o.SearchCandidates > 0, "Catalog:SearchCandidates must be a positive number.")
            .Validate(o => o.SearchParallelism > 0, "Catalog:SearchParallelism must be a positive number.")
            .Validate(o => o.FacetSample > 0, "Catalog:FacetSample must be a positive number.")
            .Validate(o => o.SearchRankAllBelow >= 0, "Catalog:SearchRankAllBelow must be 0 or more (0: a first pass at any size).")
            .ValidateOnStart();
        services.AddUiStrings(typeof(CatalogModule).Assembly);
        services.AddSingleton<CatalogIndex>();
        services.AddScoped<SearchIndexer>();
        services.AddSingleton<GlossarySnapshots>();
        services.AddSingleton<IGlossarySource>(sp => sp.GetRequiredService<GlossarySnapshots>());
        services.AddScoped<GlossaryCommands>();
        services.AddScoped<IStartupInitializer, LoadGlossary>();
        services.AddScoped<CatalogSuggestions>();
        services.AddScoped<Search.SearchHelp>();
        services.AddScoped<CatalogSearch>();
        services.AddScoped<ICatalogSearch>(sp => sp.GetRequiredService<CatalogSearch>());
        services.AddScoped<SavedSearchStore>();
        services.AddScoped<EditionCommands>();
        services.AddScoped<EditionQueries>();
        services.AddScoped<SavedSearchAlerts>();
        services.AddScoped<OrganisationRecords>();
        services.AddScoped<CatalogQueries>();
        services.AddScoped<ICatalogQueries>(sp => sp.GetRequiredService<CatalogQueries>());
        services.AddScoped<ListingCommands>();
        services.AddScoped<ListingQueries>();
        services.AddScoped<OrganisationProfiles>();
        services.AddScoped<CatalogImporter>();
        services.AddScoped<ICatalogCommands, CatalogCommands>();
        services.AddScoped<IStartupInitializer, EnsureSearchIndex>();
        services.AddSingleton<IndexCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexCatchUp>());
        services.AddScoped<IDemoSeeder, CatalogDemoSeeder>();
        services.AddScoped<ILiveIndicatorSource, CatalogIndicators>();
        services.AddScoped<IMeasureImplementations, ListingTypeMeasures>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var catalog = endpoints.MapGroup("/api/v1/catalog").WithTags("Catalog");
        catalog.MapGet("/search", SearchEndpoint.HandleAsync).WithName("Catalog.Search").AddOpenApiOperationTransformer(SearchEndpoint.DescribeParameters);
        catalog.MapGet("/suggestions", SuggestionsEndpoint.Handle).WithName("Catalog.Suggest");

        var listings = catalog.MapGroup("/listings");
        listings.MapGet("/{id:guid}", ListingEndpoints.GetAsync).WithName("Catalog.GetListing");
        listings.MapGet("/{id:guid}/dcat", ExportListing.DcatAsync).WithName("Catalog.ExportDcat");
        listings.MapGet("/{id:guid}/model-card", ExportListing.ModelCardAsync).WithName("Catalog.ExportModelCard");
        listings.MapPost("/", ListingEndpoints.CreateAsync).WithName("Catalog.CreateListing").RequireAuthorization();
        listings.MapPut("/{id:guid}", ListingEndpoints.UpdateAsync).WithName("Catalog.UpdateListing").RequireAuthorization();
        listings.MapPost("/{id:guid}/submit", ListingEndpoints.SubmitAsync).WithName("Catalog.SubmitListing").RequireAuthorization();
        listings.MapPost("/{id:guid}/withdraw", ListingEndpoints.WithdrawAsync).WithName("Catalog.WithdrawListing").RequireAuthorization();
        listings.MapPost("/{id:guid}/publish", ListingEndpoints.PublishAsync).WithName("Catalog.PublishListing").RequireAuthorization(Office);
        listings.MapPost("/{id:guid}/return", ListingEndpoints.ReturnAsync).WithName("Catalog.ReturnListing").RequireAuthorization(Office);
        catalog.MapGet("/review-queue", ListingEndpoints.ReviewQueueAsync).WithName("Catalog.ReviewQueue").RequireAuthorization(Office);

        var organisations = catalog.MapGroup("/organisations");
        organisations.MapGet("/{id:guid}", OrganisationEndpoints.GetAsync).WithName("Catalog.GetOrganisation");
        organisations.MapGet("/{id:guid}/listings", OrganisationEndpoints.ListingsAsync).WithName("Catalog.ListOrganisationListings");
        organisations.MapPut("/{id:guid}", OrganisationEndpoints.SaveAsync).WithName("Catalog.SaveOrganisation").RequireAuthorization();
        organisations.MapPost("/{id:guid}/qualifications", OrganisationEndpoints.AddQualificationAsync).WithName("Catalog.AddQualification").RequireAuthorization();

        var glossary = catalog.MapGroup("/glossary");
        glossary.MapGet("/", GlossaryEndpoints.ListAsync).WithName("Catalog.ListGlossary");
        glossary.MapGet("/{group}", GlossaryEndpoints.GetAsync).WithName("Catalog.GetGlossaryEntry");
        glossary.MapPost("/", GlossaryEndpoints.AddAsync).WithName("Catalog.AddGlossaryEntry").RequireAuthorization(Office);
        glossary.MapPut("/{group}", GlossaryEndpoints.UpdateAsync).WithName("Catalog.UpdateGlossaryEntry").RequireAuthorization(Office);
        glossary.MapPost("/{group}/retire", GlossaryEndpoints.RetireAsync).WithName("Catalog.RetireGlossaryEntry").RequireAuthorization(Office);
        glossary.MapPost("/{group}/restore", GlossaryEndpoints.RestoreAsync).WithName("Catalog.RestoreGlossaryEntry").RequireAuthorization(Office);

        var saved = catalog.MapGroup("/saved-searches").RequireAuthorization();
        saved.MapGet("/", SavedSearchEndpoints.ListAsync).WithName("Catalog.ListSavedSearches");
        saved.MapPost("/", SavedSearchEndpoints.CreateAsync).WithName("Catalog.CreateSavedSearch");
        saved.MapDelete("/{id:guid}", SavedSearchEndpoints.DeleteAsync).WithName("Catalog.DeleteSavedSearch");

        var editions = catalog.MapGroup("/recommendation-editions");
        editions.MapGet("/", EditionEndpoints.ListAsync).WithName("Catalog.ListEditions");
        editions.MapGet("/{id:guid}", EditionEndpoints.GetAsync).WithName("Catalog.GetEdition");
        editions.MapPost("/", EditionEndpoints.CreateAsync).WithName("Catalog.CreateEdition").RequireAuthorization(Office);
        editions.MapPut("/{id:guid}", EditionEndpoints.UpdateAsync).WithName("Catalog.UpdateEdition").RequireAuthorization(Office);
        editions.MapPost("/{id:guid}/entries", EditionEndpoints.AddEntryAsync).WithName("Catalog.AddEditionEntry").RequireAuthorization(Office);
        editions.MapDelete("/{id:guid}/entries/{listingId:guid}", EditionEndpoints.RemoveEntryAsync).WithName("Catalog.RemoveEditionEntry").RequireAuthorization(Office);
        editions.MapPost("/{id:guid}/publish", EditionEndpoints.PublishAsync).WithName("Catalog.PublishEdition").RequireAuthorization(Office);
        editions.MapDelete("/{id:guid}", EditionEndpoints.DeleteAsync).WithName("Catalog.DeleteEdition").RequireAuthorization(Office);

        catalog.MapPost("/imports", ImportEndpoint.HandleAsync).WithName("Catalog.Import").RequireAuthorization(Office).DisableAntiforgery();
        return endpoints;
    }

    private static void Office(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy.RequireRole(Roles.OfficeStaff);
}
