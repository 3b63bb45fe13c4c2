using Funeng.Compute.Data;
using Funeng.Compute.Live;
using Funeng.Compute.Registry;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Registry;

public sealed class DemoAndLiveTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>
{
    [Fact]
    public async Task The_demo_seeds_the_three_public_centres_once_marked_as_demo()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<ComputeDemoSeeder>(scope.ServiceProvider);

        await seeder.SeedAsync(TestContext.Current.CancellationToken);
        var again = await seeder.SeedAsync(TestContext.Current.CancellationToken);

        var db = scope.ServiceProvider.GetRequiredService<ComputeDb>();
        var centres = await db.Centres.Include(c => c.Pools).Where(c => c.IsDemo).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Empty(again);
        Assert.Equal(["Guangzhou AI Public Compute Center", "Hengqin Advanced Intelligent Computing Center", "Peng Cheng Cloud Brain"], centres.Select(c => c.NameEn).Order());
        Assert.Equal(ComputeDemoSeeder.ComputeCentreOrganisation, centres.Single(c => c.CitySlug == "guangzhou").OperatorOrganisationId);
        Assert.All(centres.SelectMany(c => c.Pools), p => Assert.True(p.IsDemo));
    }

    [Fact]
    public async Task Live_indicators_give_installed_eflops_per_city_and_device_hours_placed()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        await RegisterCentreAsync(office, "Live " + accelerator, "yunfu", accelerator, 100, 1m);
        await SubmitAsync(enterprise, accelerator, devices: 2, hours: 3, city: "yunfu");

        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<ILiveIndicatorSource>().OfType<ComputeLiveIndicators>().Single();
        var observations = await source.ReadAsync(TestContext.Current.CancellationToken);

        var yunfu = observations.Single(o => o.Indicator == "compute_capacity" && o.Scope == "city:yunfu");
        Assert.Equal(100 * 312 / 1e6m, yunfu.Value);
        var used = observations.Single(o => o.Indicator == ComputeLiveIndicators.DeviceHoursIndicator && o.Scope == "city:yunfu");
        Assert.Equal(6m, used.Value);
        Assert.Contains(observations, o => o.Indicator == "compute_capacity" && o.Scope == "province" && o.Value >= yunfu.Value);
    }
}
