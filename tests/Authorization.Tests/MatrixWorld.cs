using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Authorization.Tests;

/// <summary>The kinds of object an organisation owns that the matrix reaches through a path parameter.</summary>
internal enum ObjectKind
{
    Scenario,
    Listing,
    Organisation,
    Application,
    ComputeRequest,
    SavedSearch,
    ComputeCentre,
}

/// <summary>
/// One organisation's objects: a draft scenario, a draft listing, its profile, an incentive application, a compute
/// request, a saved search (the enterprise user's) and a compute centre it operates.
/// </summary>
internal sealed record OwnedObjects(Guid Organisation, IReadOnlyDictionary<ObjectKind, string> Ids);

/// <summary>
/// The people and objects the matrix acts with: one user of every role in organisation A (the "own" organisation),
/// and organisation B whose objects are "another organisation's". Everything is made through the public API.
/// </summary>
internal sealed class MatrixWorld
{
    private MatrixWorld(IReadOnlyDictionary<string, ActingUser> actors, OwnedObjects own, OwnedObjects other) => (Actors, Own, Other) = (actors, own, other);

    public IReadOnlyDictionary<string, ActingUser> Actors { get; }

    public OwnedObjects Own { get; }

    public OwnedObjects Other { get; }

    public static async Task<MatrixWorld> BuildAsync(FunengApp app)
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var actors = new Dictionary<string, ActingUser>(StringComparer.Ordinal) { [Roles.Enterprise] = enterprise };
        foreach (var role in Roles.All.Where(r => r != Roles.Enterprise))
        {
            actors[role] = await app.CreateUserAsync(role, enterprise.OrganisationId);
        }

        var office = actors[Roles.OfficeStaff];
        var own = await ObjectsAsync(enterprise, actors[Roles.ScenarioOwner], office);
        var otherEnterprise = await app.CreateUserAsync(Roles.Enterprise);
        var other = await ObjectsAsync(otherEnterprise, await app.CreateUserAsync(Roles.ScenarioOwner, otherEnterprise.OrganisationId), office);
        return new MatrixWorld(actors, own, other);
    }

    private static async Task<OwnedObjects> ObjectsAsync(ActingUser enterprise, ActingUser scenarioOwner, ActingUser office)
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = await IdAsync(await scenarioOwner.Client.PostAsJsonAsync("/api/v1/scenarios", new
        {
            title = "Matrix scenario", problem = "p", expectedOutcome = "o", sector = "elder_care", city = "guangzhou", district = "Yuexiu",
            dataAvailable = "d", budgetMin = 1m, budgetMax = 2m, contactName = "Zhang", contactDetail = "matrix@example.test",
        }, ct), "id");
        var listing = await IdAsync(await enterprise.Client.PostAsJsonAsync("/api/v1/catalog/listings", new
        {
            type = "algorithm_product", titleZh = "矩阵算法", titleEn = "Matrix algorithm", summaryZh = "", summaryEn = "", citySlug = "guangzhou",
            sectors = new[] { "elder_care" }, keywords = Array.Empty<string>(), attributes = new Dictionary<string, string> { ["deployment"] = "cloud" },
        }, ct), "listing", "summary", "id");
        var facts = new
        {
            values = new Dictionary<string, string> { ["city"] = "guangzhou", ["qualifications"] = "answered" },
            qualifications = new[] { new { code = "national_single_champion", from = new DateOnly(2025, 11, 20) } },
        };
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", facts, ct)).EnsureSuccessStatusCode();
        var application = await IdAsync(await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = "single-champion-reward" }, ct), "id");
        var request = await IdAsync(await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests", new
        {
            title = "Matrix training", accelerators = new[] { "A100" }, devices = 1, estimatedHours = 1.0, dataCity = "guangzhou", maxLatencyMs = 1.0, voucherIds = Array.Empty<Guid>(),
        }, ct), "id");
        var savedSearch = await IdAsync(await enterprise.Client.PostAsJsonAsync("/api/v1/catalog/saved-searches", new { name = "矩阵", text = "养老" }, ct), "id");
        var centre = await IdAsync(await office.Client.PostAsJsonAsync("/api/v1/compute/centres", new
        {
            nameZh = "矩阵算力中心", nameEn = "Matrix centre", operatorOrganisationId = enterprise.OrganisationId, city = "guangzhou", tier = "provincial",
        }, ct), "id");
        return new OwnedObjects(enterprise.OrganisationId, new Dictionary<ObjectKind, string>
        {
            [ObjectKind.Scenario] = scenario,
            [ObjectKind.Listing] = listing,
            [ObjectKind.Organisation] = enterprise.OrganisationId.ToString(),
            [ObjectKind.Application] = application,
            [ObjectKind.ComputeRequest] = request,
            [ObjectKind.SavedSearch] = savedSearch,
            [ObjectKind.ComputeCentre] = centre,
        });
    }

    private static async Task<string> IdAsync(HttpResponseMessage response, params string[] path)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"setting up the matrix: {response.RequestMessage?.RequestUri} gave {response.StatusCode}: {body}");
        var element = JsonDocument.Parse(body).RootElement;
        foreach (var step in path)
        {
            element = element.GetProperty(step);
        }

        return element.GetString()!;
    }
}
