using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Incentives.Data;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Applications;

/// <summary>Issue 15's Incentives findings: who reads which application, duplicate open applications, 0.00-yuan awards.</summary>
public abstract class ApplicationAccessTests(ITestApp app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bug_15_experts_read_only_the_applications_assigned_to_their_organisation()
    {
        var expert = await app.CreateUserAsync(Roles.Expert, kind: OrganisationKind.University);
        var ids = await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 2);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
            db.Assignments.Add(new ReviewAssignment { Id = Guid.NewGuid(), ApplicationId = ids[0], ReviewerOrganisationId = expert.OrganisationId, AssignedBy = "office", AssignedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Cancel);
        }

        var visible = await expert.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/incentives/applications", Cancel);
        Assert.Equal([ids[0]], visible!.Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await expert.Client.GetAsync($"/api/v1/incentives/applications/{ids[0]}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Client.GetAsync($"/api/v1/incentives/applications/{ids[1]}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Bug_15_city_staff_read_only_their_own_citys_applications()
    {
        var city = await app.CreateUserAsync(Roles.CityStaff, kind: OrganisationKind.GovernmentOffice); // the fixture's organisations are in Guangzhou
        var guangzhou = (await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 1, "guangzhou")).Single();
        var shenzhen = (await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 1, "shenzhen")).Single();

        var visible = (await city.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/incentives/applications", Cancel))!.Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(guangzhou, visible);
        Assert.DoesNotContain(shenzhen, visible);
        Assert.All((await city.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/incentives/applications", Cancel))!, a => Assert.Equal("guangzhou", a.GetProperty("city").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await city.Client.GetAsync($"/api/v1/incentives/applications/{shenzhen}", Cancel)).StatusCode);
        var office = await app.CreateUserAsync(Roles.OfficeStaff, kind: OrganisationKind.GovernmentOffice);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync($"/api/v1/incentives/applications/{shenzhen}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Bug_15_parallel_submissions_make_one_open_application_per_program()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", IncentivesTestData.ChampionFacts(), Cancel)).EnsureSuccessStatusCode();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = IncentivesTestData.Champion }, Cancel)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.OrganisationId == enterprise.OrganisationId, Cancel));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("0.004")]
    public async Task Bug_15_a_zero_yuan_award_cannot_be_approved(string amount)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await IncentivesTestData.SetParameterAsync(office, IncentivesTestData.Champion, "annual_budget", 30_000_000m);
        var id = (await IncentivesTestData.ReadyApplicationsAsync(app, IncentivesTestData.Champion, 1)).Single();

        var response = await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision",
            new { approve = true, reasons = "a token award", amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }, Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("amount", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("field").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IncentivesDb>().Awards.AnyAsync(a => a.ApplicationId == id, Cancel));
    }
}

public sealed class ApplicationAccessOnSqlite(IncentivesSqliteApp app) : ApplicationAccessTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ApplicationAccessOnPostgres(IncentivesPostgresApp app) : ApplicationAccessTests(app), IClassFixture<IncentivesPostgresApp>;
