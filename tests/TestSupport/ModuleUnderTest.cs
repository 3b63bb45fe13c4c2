using Funeng.Catalog;
using Funeng.Catalog.Contracts;
using Funeng.Incentives;
using Funeng.Incentives.Contracts;
using Funeng.Index;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Kernel.Workbench;
using Funeng.Platform;
using Funeng.Policy;
using Funeng.Policy.Contracts;
using Funeng.Scenarios;
using Funeng.TestSupport.Fakes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Funeng.TestSupport;

/// <summary>
/// A module that a <see cref="ModuleApp"/> boots alone: its module file's <c>AddX</c>/<c>MapX</c>, and the fakes
/// of the contracts of the modules it calls, each registered once as a singleton so a test can take it from
/// <see cref="ITestApp.Services"/> to set its answers and read its calls.
/// </summary>
/// <param name="Name">The module's name, as in <c>Funeng.NAME</c>.</param>
/// <param name="Add">Its module file's <c>AddX</c>.</param>
/// <param name="Map">Its module file's <c>MapX</c>.</param>
/// <param name="AddFakes">Registers the fakes of the other modules' contracts it calls.</param>
public sealed record ModuleUnderTest(string Name, Action<IHostApplicationBuilder> Add, Action<IEndpointRouteBuilder> Map, Action<IServiceCollection> AddFakes)
{
    /// <summary>
    /// Policy, whose only neighbours are Platform (the audit log of a pack import; booted) and, for its measure
    /// pages, the modules that implement measures (one fake answers for all of them).
    /// </summary>
    public static ModuleUnderTest Policy { get; } = new(
        "Policy", b => b.AddPolicy(), e => e.MapPolicy(), services => services.AddFake<IMeasureImplementations, FakeMeasureImplementations>());

    /// <summary>
    /// Catalog, whose code calls no other module (Platform is all it stands on); two of its pages show another module's
    /// view component (its front page Policy's targets, the profile page Incentives' enterprise facts), faked.
    /// </summary>
    public static ModuleUnderTest Catalog { get; } = new(
        "Catalog",
        b => b.AddCatalog(),
        e => e.MapCatalog(),
        services => services.AddFakeViewComponents(typeof(FakePolicyTargetsViewComponent), typeof(FakeEnterpriseFactsViewComponent)));

    /// <summary>
    /// Index, whose neighbours are Platform (the audit log of observations and weights; booted), Policy's
    /// <see cref="IPolicyQueries"/> (the targets; a fake) and the live indicator sources of Scenarios, Catalog,
    /// Incentives and Compute (one fake answers for all of them). Index's pages word targets with Policy's
    /// <see cref="TargetText"/>, a part of Policy's contract whose units are in Policy's strings.json, so those strings
    /// come with the fake.
    /// </summary>
    public static ModuleUnderTest Index { get; } = new(
        "Index", b => b.AddIndex(), e => e.MapIndex(), services =>
        {
            services.AddFake<IPolicyQueries, FakePolicyQueries>();
            services.AddFake<ILiveIndicatorSource, FakeLiveIndicatorSource>();
            services.AddUiStrings(typeof(TargetText).Assembly);
        });

    /// <summary>
    /// Platform, the foundation every <see cref="ModuleApp"/> boots (<see cref="ModuleApp.Foundation"/>), here alone: it
    /// calls no other module's contract, but its workbench page shows what the other modules put on it (one fake
    /// answers for all of them).
    /// </summary>
    public static ModuleUnderTest Platform { get; } = new(
        ModuleApp.Foundation, b => b.AddPlatform(), e => e.MapPlatform(), services => services.AddFake<IWorkbenchSource, FakeWorkbenchSource>());

    /// <summary>
    /// Incentives, which reads Catalog's organisation profiles (recipients' credit codes, facts kept on the record)
    /// and Policy's documents (the register's funder), tells Compute of voucher awards, and embeds Policy's targets
    /// table in its calculator page.
    /// </summary>
    public static ModuleUnderTest Incentives { get; } = new("Incentives", b => b.AddIncentives(), e => e.MapIncentives(), services =>
    {
        services.AddFake<ICatalogQueries, FakeCatalogQueries>();
        services.AddFake<IPolicyQueries, FakePolicyQueries>();
        services.AddFake<IVoucherAwardHandler, FakeVoucherAwardHandler>();
        services.AddFakeViewComponents(typeof(FakePolicyTargetsViewComponent));
    });

    /// <summary>
    /// Scenarios, which reads Policy's targets (a list's quota), makes awards in Incentives (a challenge's prize, a
    /// benchmark case), searches Catalog and reads its profiles for matchmaking, and embeds Policy's targets table
    /// in its scenarios page.
    /// </summary>
    public static ModuleUnderTest Scenarios { get; } = new("Scenarios", b => b.AddScenarios(), e => e.MapScenarios(), services =>
    {
        services.AddFake<IPolicyQueries, FakePolicyQueries>();
        services.AddFake<IResultAwards, FakeResultAwards>();
        services.AddFake<ICatalogSearch, FakeCatalogSearch>();
        services.AddFake<ICatalogQueries, FakeCatalogQueries>();
        services.AddFakeViewComponents(typeof(FakePolicyTargetsViewComponent));
    });

    /// <summary>
    /// Compute, which reads Policy's targets (capacity against the province's EFLOPS goals, the planning page; a
    /// fake), shows Policy's targets table on its front page (faked), and is called by Incentives (an award's
    /// voucher, through Compute's own handler: nothing to fake).
    /// </summary>
    public static ModuleUnderTest Compute { get; } = new(
        "Compute", b => Funeng.Compute.ComputeModule.AddCompute(b), e => Funeng.Compute.ComputeModule.MapCompute(e), services =>
        {
            services.AddFake<IPolicyQueries, FakePolicyQueries>();
            services.AddFakeViewComponents(typeof(FakePolicyTargetsViewComponent));
        });
}

internal static class FakeRegistration
{
    public static void AddFake<TContract, TFake>(this IServiceCollection services)
        where TContract : class
        where TFake : class, TContract
    {
        services.AddSingleton<TFake>();
        services.AddSingleton<TContract>(sp => sp.GetRequiredService<TFake>());
    }
}
