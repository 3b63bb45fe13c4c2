using Funeng.Kernel.Database;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Funeng.Scenarios.Cases;
using Funeng.Scenarios.Challenges;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Demo;
using Funeng.Scenarios.Following;
using Funeng.Scenarios.Indicators;
using Funeng.Scenarios.Lists;
using Funeng.Scenarios.Matchmaking;
using Funeng.Scenarios.Measures;
using Funeng.Scenarios.Notifications;
using Funeng.Scenarios.Posts;
using Funeng.Scenarios.Taxonomy;
using Funeng.Scenarios.Transitions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Funeng.Scenarios;

/// <summary>The demand side: scenario posts, scenario lists with quotas, Challenge and Lead, cases and matchmaking.</summary>
public static class ScenariosModule
{
    public static IHostApplicationBuilder AddScenarios(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDatabase<ScenariosDb, SqliteScenariosDb, PostgresScenariosDb>("Scenarios", ScenariosDb.MigrationsHistoryTable);
        var services = builder.Services;
        services.AddOptions<ScenariosOptions>().BindConfiguration(ScenariosOptions.Section)
            .Validate(o => o.NoticePeriod >= TimeSpan.Zero, "Scenarios:NoticePeriod cannot be negative.")
            .Validate(o => o.MaxAttachmentBytes > 0, "Scenarios:MaxAttachmentBytes must be positive.")
            .ValidateOnStart();
        services.AddUiStrings(typeof(ScenariosModule).Assembly);
        services.AddScoped<ScenarioAccess>();
        services.AddScoped<Followers>();
        services.AddScoped<NotifyFollowers>();
        services.AddScoped<EditScenario>();
        services.AddScoped<GetScenarios>();
        services.AddScoped<TransitionScenario>();
        services.AddScoped<PlaceInList>();
        services.AddScoped<CompileScenarioList>();
        services.AddScoped<GetScenarioLists>();
        services.AddScoped<CreateChallenge>();
        services.AddScoped<GetChallenges>();
        services.AddScoped<SubmitEntry>();
        services.AddScoped<ExpertRoster>();
        services.AddScoped<AssignPanel>();
        services.AddScoped<DeclareConflict>();
        services.AddScoped<PartnerConsent>();
        services.AddScoped<ReviewEntries>();
        services.AddScoped<RunChallenge>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<FindMatches>();
        services.AddScoped<ApproachCommands>();
        services.AddScoped<ILiveIndicatorSource, PublishedScenarioCounts>();
        services.AddScoped<IMeasureImplementations, ScenarioMeasures>();
        services.AddScoped<IDemoSeeder, ScenariosDemoSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapScenarios(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var scenarios = endpoints.MapGroup("/api/v1/scenarios").WithTags("Scenarios");
        scenarios.MapGet("/", GetScenarios.HandleListAsync).WithName("Scenarios.ListScenarios");
        scenarios.MapGet("/sectors", () => TypedResults.Ok(ScenarioSectors.All)).WithName("Scenarios.ListSectors");
        scenarios.MapGet("/{id:guid}", GetScenarios.HandleFindAsync).WithName("Scenarios.GetScenario");
        scenarios.MapPost("/", EditScenario.HandleCreateAsync).RequireAuthorization(p => p.RequireRole(Roles.ScenarioOwner)).WithName("Scenarios.CreateScenario");
        scenarios.MapPut("/{id:guid}", EditScenario.HandleUpdateAsync).RequireAuthorization().WithName("Scenarios.UpdateScenario");
        scenarios.MapPost("/{id:guid}/transitions", TransitionScenario.HandleAsync).RequireAuthorization().WithName("Scenarios.TransitionScenario");
        scenarios.MapPut("/{id:guid}/follow", (Guid id, Followers f, CancellationToken ct) => Followers.HandleAsync(Follow.ScenarioType, id, true, f, ct)).RequireAuthorization().WithName("Scenarios.FollowScenario");
        scenarios.MapDelete("/{id:guid}/follow", (Guid id, Followers f, CancellationToken ct) => Followers.HandleAsync(Follow.ScenarioType, id, false, f, ct)).RequireAuthorization().WithName("Scenarios.UnfollowScenario");
        scenarios.MapPost("/{id:guid}/case", CaseEndpoints.HandleCreateAsync).RequireAuthorization().WithName("Scenarios.CreateCase");
        scenarios.MapGet("/{id:guid}/matches", FindMatches.HandleSuppliersAsync).WithName("Scenarios.Matches");
        scenarios.MapGet("/fits", FindMatches.HandleFitsAsync).RequireAuthorization().WithName("Scenarios.Fits");
        scenarios.MapPost("/{id:guid}/interest", ApproachEndpoints.HandleInterestAsync).RequireAuthorization(p => p.RequireRole(Roles.Enterprise)).WithName("Scenarios.ExpressInterest");
        scenarios.MapPost("/{id:guid}/invitations", ApproachEndpoints.HandleInviteAsync).RequireAuthorization().WithName("Scenarios.Invite");
        scenarios.MapGet("/{id:guid}/approaches", ApproachEndpoints.HandleForScenarioAsync).RequireAuthorization().WithName("Scenarios.Approaches");
        scenarios.MapGet("/approaches", ApproachEndpoints.HandleMineAsync).RequireAuthorization().WithName("Scenarios.MyApproaches");
        scenarios.MapPost("/approaches/{approachId:guid}/{decision}", ApproachEndpoints.HandleDecideAsync).RequireAuthorization().WithName("Scenarios.DecideApproach");

        var lists = endpoints.MapGroup("/api/v1/scenario-lists").WithTags("Scenarios");
        lists.MapGet("/", GetScenarioLists.HandleListAsync).WithName("Scenarios.ListLists");
        lists.MapGet("/{id:guid}", GetScenarioLists.HandleFindAsync).WithName("Scenarios.GetList");
        lists.MapPost("/", CompileScenarioList.HandleCreateAsync).RequireAuthorization().WithName("Scenarios.CreateList");
        lists.MapPost("/{id:guid}/publish", CompileScenarioList.HandlePublishAsync).RequireAuthorization().WithName("Scenarios.PublishList");
        lists.MapPost("/{id:guid}/entries", PlaceInList.HandleAsync).RequireAuthorization().WithName("Scenarios.PlaceInList");

        var challenges = endpoints.MapGroup("/api/v1/challenges").WithTags("Scenarios");
        challenges.MapGet("/", GetChallenges.HandleListAsync).WithName("Scenarios.ListChallenges");
        challenges.MapGet("/{id:guid}", GetChallenges.HandleFindAsync).WithName("Scenarios.GetChallenge");
        challenges.MapPost("/", CreateChallenge.HandleAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.CreateChallenge");
        challenges.MapPut("/{id:guid}/follow", (Guid id, Followers f, CancellationToken ct) => Followers.HandleAsync(Follow.ChallengeType, id, true, f, ct)).RequireAuthorization().WithName("Scenarios.FollowChallenge");
        // Token-authenticated API clients send no antiforgery token; cookie forms use the Razor pages instead.
        challenges.MapPost("/{id:guid}/entries", SubmitEntry.HandleAsync).RequireAuthorization(p => p.RequireRole(Roles.Enterprise)).DisableAntiforgery().WithName("Scenarios.SubmitEntry");
        challenges.MapGet("/partner-requests", PartnerConsent.HandleMineAsync).RequireAuthorization(p => p.RequireRole(Roles.Enterprise)).WithName("Scenarios.ListPartnerRequests");
        challenges.MapPost("/{id:guid}/partner-requests/{requestId:guid}/{decision}", PartnerConsent.HandleAnswerAsync).RequireAuthorization(p => p.RequireRole(Roles.Enterprise)).WithName("Scenarios.AnswerPartnerRequest");
        challenges.MapGet("/{id:guid}/entries", GetChallenges.HandleOfficeAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.ListEntries");
        challenges.MapGet("/{id:guid}/my-entries", GetChallenges.HandleMineAsync).RequireAuthorization().WithName("Scenarios.MyEntries");
        challenges.MapGet("/{id:guid}/entries/{entryId:guid}/attachments/{attachmentId:guid}", ReviewEntries.HandleAttachmentAsync).RequireAuthorization().WithName("Scenarios.GetAttachment");
        challenges.MapGet("/experts", ExpertRoster.HandleRosterAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.ListRoster");
        challenges.MapPut("/experts/me", ExpertRoster.HandleJoinAsync).RequireAuthorization(p => p.RequireRole(Roles.Expert)).WithName("Scenarios.JoinRoster");
        challenges.MapPut("/{id:guid}/panel", AssignPanel.HandleAssignAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.AssignPanel");
        challenges.MapPost("/{id:guid}/conflicts", DeclareConflict.HandleConflictAsync).RequireAuthorization(p => p.RequireRole(Roles.Expert)).WithName("Scenarios.DeclareConflict");
        challenges.MapGet("/{id:guid}/review", ReviewEntries.HandleViewAsync).RequireAuthorization(p => p.RequireRole(Roles.Expert)).WithName("Scenarios.Review");
        challenges.MapPost("/{id:guid}/entries/{entryId:guid}/evaluations", ReviewEntries.HandleScoreAsync).RequireAuthorization(p => p.RequireRole(Roles.Expert)).WithName("Scenarios.ScoreEntry");
        challenges.MapPost("/{id:guid}/close", RunChallenge.HandleCloseAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.CloseChallenge");
        challenges.MapPost("/{id:guid}/entries/{entryId:guid}/advance", RunChallenge.HandleAdvanceAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.AdvanceEntry");
        challenges.MapPost("/{id:guid}/announce", RunChallenge.HandleAnnounceAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.AnnounceRanking");
        challenges.MapPost("/{id:guid}/objections", RunChallenge.HandleObjectAsync).RequireAuthorization().WithName("Scenarios.FileObjection");
        challenges.MapPost("/{id:guid}/objections/{objectionId:guid}/resolve", RunChallenge.HandleResolveAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.ResolveObjection");
        challenges.MapPost("/{id:guid}/award", RunChallenge.HandleAwardAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.Award");

        var cases = endpoints.MapGroup("/api/v1/cases").WithTags("Scenarios");
        cases.MapGet("/", CaseEndpoints.HandleListAsync).WithName("Scenarios.ListCases");
        cases.MapPost("/{id:guid}/benchmark", CaseEndpoints.HandleDesignateAsync).RequireAuthorization(p => p.RequireRole(Roles.OfficeStaff)).WithName("Scenarios.DesignateBenchmark");
        return endpoints;
    }
}
