using System.Net.Http.Json;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests;

/// <summary>Intent methods for the module tests: set figures as office staff, and put applications on the desk.</summary>
internal static class IncentivesTestData
{
    public const string Champion = "single-champion-reward";

    public static FactValues ChampionFacts(string city = "guangzhou") => new(
        new Dictionary<string, string> { ["city"] = city, ["qualifications"] = "answered" },
        [new Qualification("national_single_champion", new DateOnly(2025, 11, 20))]);

    public static async Task SetParameterAsync(ActingUser office, string program, string name, decimal value, DateOnly? from = null)
    {
        var response = await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/{program}/parameters/{name}",
            new { value, effectiveFrom = from ?? new DateOnly(2025, 1, 1) }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Applications found complete and waiting for a decision, each from a different enterprise, written straight
    /// to the database: the race and crash tests are about the decision, not about filling forms.
    /// </summary>
    public static async Task<List<Guid>> ReadyApplicationsAsync(ITestApp app, string programId, int count, string city = "guangzhou")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        var facts = ProgramCatalog.WriteFacts(Profiles.EnterpriseProfiles.WithListing(ChampionFacts(city), untrustworthy: false));
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var application = new Application
            {
                Id = Guid.NewGuid(), ProgramId = programId, OrganisationId = Guid.NewGuid(), ApplicantName = $"冠军企业{i}", CitySlug = city,
                Status = ApplicationStatus.UnderReview, FactsJson = facts, SubmittedOn = Funeng.Kernel.Localization.ChinaTime.DateOf(DateTimeOffset.UtcNow), SubmittedAt = DateTimeOffset.UtcNow,
            };
            db.Applications.Add(application);
            ids.Add(application.Id);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ids;
    }
}
