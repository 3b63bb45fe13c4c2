using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Requests;

// On the whole app (FunengApp), not Compute's module-only host: the voucher comes from a real Incentives award
// (its ledger, outbox and delivery to Compute's handler), which is the subject here.
public abstract class IncentiveVoucherTests(FunengApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_awarded_compute_voucher_is_credited_once_and_debited_by_placement()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await AwardComputeVoucherAsync(office, enterprise);

        var first = Assert.Single(await VouchersAsync(enterprise));
        Assert.Equal((VoucherUnit.Yuan, 300_000m, 300_000m), (first.Unit, first.Granted, first.Remaining));
        // The note the award wrote reads in the reader's language, on the API as on the pages.
        Assert.StartsWith("激励兑现 ", first.Note.Text, StringComparison.Ordinal);
        var english = (await enterprise.Client.GetFromJsonAsync<List<VoucherView>>("/api/v1/compute/vouchers/mine?culture=en", Json, Ct))!;
        Assert.Matches(@"^Incentives award [\w-]+ \(20\d\d, decided \d{4}-\d{2}-\d{2}\)$", Assert.Single(english).Note.Text);
        Assert.Contains(">激励兑现 ", WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync("/compute/requests", Ct)), StringComparison.Ordinal);

        // Delivery is at least once (a request and the worker, or two processes): the award's id is the voucher's key, so nothing doubles.
        var award = Assert.Single(await VoucherAwardsAsync(enterprise));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DeliverInNewScopeAsync(award)));
        Assert.Equal(first.Id, Assert.Single(await VouchersAsync(enterprise)).Id);

        var accelerator = UniqueAccelerator();
        await RegisterCentreAsync(office, "Awarded", "guangzhou", accelerator, devices: 8, price: 10m);
        var request = await SubmitAsync(enterprise, accelerator, devices: 2, hours: 5, vouchers: [first.Id]);

        Assert.True(RequestLifecycle.IsActive(request.State), $"{request.State}");
        Assert.Equal(300_000m - 100m, Assert.Single(await VouchersAsync(enterprise)).Remaining); // 2 × 5 h × ¥10
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComputeDb>();
        Assert.Equal(CreditVoucherAwards.GrantedBy, (await db.Vouchers.SingleAsync(v => v.Id == first.Id, Ct)).GrantedBy);
    }

    [Fact]
    public async Task Approving_a_voucher_award_credits_the_voucher_without_any_read()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        await AwardComputeVoucherAsync(office, enterprise);

        var award = Assert.Single(await VoucherAwardsAsync(enterprise));
        var voucher = await VoucherRecordAsync(award.AwardId);
        Assert.NotNull(voucher);
        Assert.Equal((enterprise.OrganisationId, 300_000m, CreditVoucherAwards.GrantedBy, (DateOnly?)null), (voucher.OrganisationId, voucher.Amount, voucher.GrantedBy, voucher.ExpiresOn));
    }

    [Fact]
    public async Task Clawing_back_a_voucher_award_closes_its_voucher_and_redelivery_leaves_it_closed()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await AwardComputeVoucherAsync(office, enterprise);
        var approved = Assert.Single(await VoucherAwardsAsync(enterprise));

        var clawback = await office.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{approved.AwardId}/clawback", new { reason = "the project was not carried out" }, Ct);
        Assert.Equal(HttpStatusCode.OK, clawback.StatusCode);

        var closedOn = (await VoucherRecordAsync(approved.AwardId))!.ExpiresOn;
        // Closed the day before today in China, whatever the hour in UTC.
        Assert.Equal(ChinaTime.Today(TimeProvider.System).AddDays(-1), closedOn);
        var clawedBack = Assert.Single(await VoucherAwardsAsync(enterprise));
        Assert.False(clawedBack.Active);

        // The approval's message delivered again after the clawback's (out of order, or once more) reopens nothing.
        await DeliverInNewScopeAsync(approved);
        await DeliverInNewScopeAsync(clawedBack);
        Assert.Equal(closedOn, (await VoucherRecordAsync(approved.AwardId))!.ExpiresOn);
        Assert.Equal(closedOn, Assert.Single(await VouchersAsync(enterprise)).ExpiresOn);
    }

    [Fact]
    public async Task An_awarded_voucher_can_be_spent_through_the_api_before_any_page_has_listed_it()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await AwardComputeVoucherAsync(office, enterprise);
        Guid awardId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var awards = await scope.ServiceProvider.GetRequiredService<IIncentiveQueries>().ListVoucherAwardsAsync(enterprise.OrganisationId, Ct);
            awardId = Assert.Single(awards).AwardId;
        }

        var accelerator = UniqueAccelerator();
        await RegisterCentreAsync(office, "Spent early", "guangzhou", accelerator, devices: 8, price: 10m);
        var request = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 5, vouchers: [awardId]);

        Assert.True(RequestLifecycle.IsActive(request.State), $"{request.State}");
        Assert.Equal(300_000m - 50m, Assert.Single(await VouchersAsync(enterprise)).Remaining); // 1 × 5 h × ¥10
    }

    private async Task DeliverInNewScopeAsync(VoucherAward award)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IVoucherAwardHandler>().HandleAsync(award, Ct);
    }

    private async Task<IReadOnlyList<VoucherAward>> VoucherAwardsAsync(ActingUser enterprise)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IIncentiveQueries>().ListVoucherAwardsAsync(enterprise.OrganisationId, Ct);
    }

    private async Task<VoucherRecord?> VoucherRecordAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComputeDb>().Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, Ct);
    }

    /// <summary>The Incentives flow through its public API: parameters, application, attachment, completeness, approval.</summary>
    internal static async Task AwardComputeVoucherAsync(ActingUser office, ActingUser enterprise)
    {
        foreach (var (name, value) in new[] { ("voucher_rate", 0.5m), ("max_voucher", 1_000_000m), ("annual_budget", 50_000_000m) })
        {
            (await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/compute-vouchers/parameters/{name}", new { value, effectiveFrom = new DateOnly(2025, 1, 1) }, Ct)).EnsureSuccessStatusCode();
        }

        var facts = new { values = new Dictionary<string, string> { ["compute_need"] = "true", ["eligible_investment"] = "600000" }, qualifications = Array.Empty<object>() };
        var submitted = await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = "compute-vouchers", facts }, Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent { { new StringContent("compute_plan"), "documentKey" }, { new ByteArrayContent("plan"u8.ToArray()), "file", "plan.txt" } };
        (await enterprise.Client.PostAsync($"/api/v1/incentives/applications/{id}/attachments", form, Ct)).EnsureSuccessStatusCode();
        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/completeness", new { complete = true }, Ct)).EnsureSuccessStatusCode();
        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "needs compute" }, Ct)).EnsureSuccessStatusCode();
    }
}

public sealed class IncentiveVoucherOnSqlite(SqliteApp app) : IncentiveVoucherTests(app), IClassFixture<SqliteApp>;

public sealed class IncentiveVoucherOnPostgres(PostgresApp app) : IncentiveVoucherTests(app), IClassFixture<PostgresApp>;
