using System.Net;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Requests;

/// <summary>
/// What Compute's data becomes on other modules' pages. On the whole app (<see cref="FunengApp"/>), not Compute's
/// module-only host: the page is Policy's and the count reaches it through Compute's measure implementation.
/// </summary>
public abstract class ComputeInOtherModulesTests(FunengApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Measure_8_counts_live_the_sectors_compute_requests_serve()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        await RegisterCentreAsync(office, "Sector " + accelerator, "guangzhou", accelerator, 4, 10m);
        await SubmitAsync(enterprise, accelerator, devices: 1, hours: 1, sector: "medical");

        var measure = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/policy/documents/gd-2024-ai-empowerment/measures/8?culture=en", Ct));

        Assert.Contains("Sectors compute requests serve", measure, StringComparison.Ordinal);
        Assert.Matches(@"Counted live: compute requests serve \d+ of \d+ sectors: [^<]*Medical and health", measure);
    }
}

public sealed class ComputeInOtherModulesOnSqlite(SqliteApp app) : ComputeInOtherModulesTests(app), IClassFixture<SqliteApp>;

public sealed class ComputeInOtherModulesOnPostgres(PostgresApp app) : ComputeInOtherModulesTests(app), IClassFixture<PostgresApp>;
