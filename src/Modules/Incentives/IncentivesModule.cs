using Funeng.Incentives.Applications;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Eligibility;
using Funeng.Incentives.Indicators;
using Funeng.Incentives.Measures;
using Funeng.Incentives.Profiles;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Reports;
using Funeng.Incentives.Screening;
using Funeng.Incentives.Workbench;
using Funeng.Kernel.Database;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Workbench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Funeng.Incentives;

/// <summary>Programs as rules as code, eligibility, applications, awards and the budget ledger.</summary>
public static class IncentivesModule
{
    public static IHostApplicationBuilder AddIncentives(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDatabase<IncentivesDb, SqliteIncentivesDb, PostgresIncentivesDb>("Incentives", IncentivesDb.MigrationsHistoryTable);
        builder.Services.AddOptions<IncentivesOptions>().BindConfiguration(IncentivesOptions.Section)
            .Validate(o => Directory.Exists(Path.Combine(o.PackDirectory, "programs")), "Incentives:PackDirectory has no programs folder.")
            .ValidateOnStart();
        builder.Services.AddUiStrings(typeof(IncentivesModule).Assembly);
        builder.Services.AddSingleton<ProgramCatalog>();
        builder.Services.AddScoped<IStartupInitializer, ReadProgramsOnStart>();
        builder.Services.AddScoped<BudgetLedger>();
        builder.Services.AddScoped<IWorkbenchSource, IncentivesWorkItems>();
        builder.Services.AddScoped<EnterpriseProfiles>();
        builder.Services.AddScoped<CheckEligibility>();
        builder.Services.AddScoped<SubmitApplication>();
        builder.Services.AddScoped<TrackApplication>();
        builder.Services.AddScoped<ViewProgram>();
        builder.Services.AddScoped<ReviewApplication>();
        builder.Services.AddScoped<AssignReviewers>();
        builder.Services.AddScoped<ListApplications>();
        builder.Services.AddScoped<ListAwards>();
        builder.Services.AddScoped<AwardLedger>();
        builder.Services.AddScoped<DecideApplication>();
        builder.Services.AddScoped<SettleAward>();
        builder.Services.AddScoped<AwardObjections>();
        builder.Services.AddScoped<AwardRegister>();
        builder.Services.AddSingleton<DeliverAwardEvents>();
        builder.Services.AddHostedService<AwardEventsWorker>();
        builder.Services.AddScoped<ScreenEnterprises>();
        builder.Services.AddScoped<SetProgramParameter>();
        builder.Services.AddScoped<BudgetReport>();
        builder.Services.AddScoped<IIncentiveQueries, IncentiveQueries>();
        builder.Services.AddScoped<IResultAwards, MakeResultAward>();
        builder.Services.AddScoped<IIncentiveCommands, IncentiveCommands>();
        builder.Services.AddScoped<ILiveIndicatorSource, AwardIndicators>();
        builder.Services.AddScoped<IMeasureImplementations, ProgramMeasures>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIncentives(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/v1/incentives").WithTags("Incentives");
        api.MapGet("/programs", ProgramEndpoints.ListAsync).WithName("Incentives.ListPrograms");
        api.MapGet("/programs/{id}", ProgramEndpoints.GetAsync).WithName("Incentives.GetProgram");
        api.MapPut("/programs/{id}/parameters/{name}", ProgramEndpoints.SetParameterAsync).WithName("Incentives.SetParameter").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapPost("/eligibility", CheckEligibility.HandleAsync).WithName("Incentives.CheckEligibility");
        api.MapGet("/profile", EnterpriseProfiles.GetAsync).WithName("Incentives.GetProfile").RequireAuthorization();
        api.MapPut("/profile", EnterpriseProfiles.PutAsync).WithName("Incentives.PutProfile").RequireAuthorization(p => p.RequireRole(Roles.Enterprise));
        api.MapPut("/profiles/{organisationId:guid}/untrustworthy", EnterpriseProfiles.SetListingAsync).WithName("Incentives.SetUntrustworthy").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapPost("/screenings", ScreenEnterprises.HandleAsync).WithName("Incentives.ScreenEnterprises").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapPost("/applications", SubmitApplication.HandleAsync).WithName("Incentives.SubmitApplication").RequireAuthorization(p => p.RequireRole(Roles.Enterprise));
        api.MapGet("/applications", ListApplications.HandleAsync).WithName("Incentives.ListApplications").RequireAuthorization();
        api.MapGet("/applications/{id:guid}", ListApplications.GetAsync).WithName("Incentives.GetApplication").RequireAuthorization();
        api.MapPost("/applications/{id:guid}/attachments", ReviewApplication.AttachEndpointAsync).WithName("Incentives.AttachDocument").RequireAuthorization(p => p.RequireRole(Roles.Enterprise)).DisableAntiforgery();
        api.MapPost("/applications/{id:guid}/completeness", ReviewApplication.CompletenessAsync).WithName("Incentives.CheckCompleteness").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapPost("/applications/{id:guid}/reviewers", AssignReviewers.HandleAsync).WithName("Incentives.AssignReviewer").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapPost("/applications/{id:guid}/scores", ReviewApplication.ScoreEndpointAsync).WithName("Incentives.ScoreApplication").RequireAuthorization(p => p.RequireRole(Roles.Expert));
        api.MapPost("/applications/{id:guid}/decision", DecideApplication.HandleAsync).WithName("Incentives.DecideApplication").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapGet("/awards", ListAwards.HandleAsync).WithName("Incentives.ListAwards").RequireAuthorization();
        api.MapPost("/awards/{id:guid}/payment", SettleAward.PayAsync).WithName("Incentives.PayAward").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapPost("/awards/{id:guid}/clawback", SettleAward.ClawBackAsync).WithName("Incentives.ClawBackAward").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapPost("/awards/{id:guid}/objections", AwardObjections.HandleObjectAsync).WithName("Incentives.ObjectToAward").RequireAuthorization();
        api.MapPost("/awards/{id:guid}/objections/{objectionId:guid}/resolve", AwardObjections.HandleResolveAsync).WithName("Incentives.ResolveAwardObjection").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff));
        api.MapGet("/register", AwardRegister.HandleListAsync).WithName("Incentives.ListAwardRegister");
        api.MapGet("/register.csv", AwardRegister.HandleCsvAsync).WithName("Incentives.AwardRegisterCsv");
        api.MapGet("/register/{id:guid}", AwardRegister.HandleGetAsync).WithName("Incentives.GetAwardRegisterEntry");
        api.MapGet("/reports/budget", BudgetReport.HandleAsync).WithName("Incentives.BudgetReport").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff, Roles.CityStaff));
        api.MapGet("/reports/budget.xlsx", BudgetReport.ExcelAsync).WithName("Incentives.BudgetReportExcel").RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff, Roles.CityStaff));
        return endpoints;
    }
}

/// <summary>Reads the pack's programs at start-up, so a bad program file stops the host with file, line and field.</summary>
internal sealed class ReadProgramsOnStart(ProgramCatalog catalog) : IStartupInitializer
{
    public Task InitializeAsync(Action<Kernel.Web.ProblemMessage> report, CancellationToken cancellationToken)
    {
        _ = catalog.Pack;
        return Task.CompletedTask;
    }
}
