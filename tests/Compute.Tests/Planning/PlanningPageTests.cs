using System.Net;
using Funeng.Kernel.Security;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Compute.Tests.Planning;

public sealed class PlanningPageTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "算力容量规划", "实时·申请")]
    [InlineData("?culture=en", "Compute capacity planning", "live · requests")]
    public async Task Office_staff_see_a_city_short_of_capacity_with_where_each_figure_comes_from_in_both_languages(string culture, string title, string liveTag)
    {
        app.Services.GetRequiredService<FakePolicyQueries>().Answer(ComputeDriver.ProvinceEflopsGoal(2025, 40m), ComputeDriver.ProvinceEflopsGoal(2027, 60m));
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = ComputeDriver.UniqueAccelerator();
        await ComputeDriver.RegisterCentreAsync(office, "Yunfu", "yunfu", accelerator, 1, 5m);
        // Two jobs of one device for 2,000 hours each on a city's one registered device: twice what it holds every month.
        await ComputeDriver.SubmitAsync(enterprise, accelerator, 1, 2000, city: "yunfu");
        await ComputeDriver.SubmitAsync(enterprise, accelerator, 1, 2000, city: "yunfu");

        var response = await office.Client.GetAsync("/compute/planning" + culture, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(liveTag, html, StringComparison.Ordinal);
        Assert.Matches("<tr data-scope=\"city:yunfu\" data-month=\"[0-9]{4}-[0-9]{2}\" class=\"short\">", html);
        Assert.Contains("id=\"capacity-plan-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("data-target=\"gd-compute-eflops-2027\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Funeng.Kernel.Localization.UiText.MissingMarker, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?culture=en")]
    public async Task Others_are_refused_and_visitors_sent_to_sign_in(string culture)
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var refused = await enterprise.Client.GetAsync("/compute/planning" + culture, Ct);
        var anonymous = await app.Anonymous().GetAsync(new Uri("/compute/planning" + culture, UriKind.Relative), Ct);

        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, refused.StatusCode.ToString());
        Assert.DoesNotContain("capacity-plan", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("login", anonymous.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
