using System.Globalization;
using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Requests;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

internal sealed record GrantVoucherInput(Guid OrganisationId, VoucherUnit Unit, decimal Amount, string Note, DateOnly? ExpiresOn);

internal sealed record VoucherView(Guid Id, Guid OrganisationId, VoucherUnit Unit, decimal Granted, decimal Remaining, string Note, DateTimeOffset GrantedAt, DateOnly? ExpiresOn);

/// <summary>Vouchers: awarded by the Incentives module (see <see cref="CreditVoucherAwards"/>) or granted by office staff, read by their holder.</summary>
internal static class ManageVouchers
{
    public static async Task<Results<Created<VoucherView>, ValidationProblem>> GrantAsync(GrantVoucherInput input, ComputeDb db, IActor actor, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.OrganisationId == Guid.Empty)
        {
            errors["organisationId"] = ["Name the organisation the voucher is for."];
        }

        if (input.Amount is <= 0 or > 1_000_000_000)
        {
            errors["amount"] = ["The amount must be above 0 and at most 1,000,000,000."];
        }

        if (string.IsNullOrWhiteSpace(input.Note) || input.Note.Length > 500)
        {
            errors["note"] = ["Say why the voucher is granted (1 to 500 characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var voucher = new VoucherRecord { Id = Guid.NewGuid(), OrganisationId = input.OrganisationId, Unit = input.Unit, Amount = input.Amount, Note = input.Note.Trim(), GrantedBy = actor.Name, GrantedAt = time.GetUtcNow(), ExpiresOn = input.ExpiresOn };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.voucher.granted", "compute_voucher", voucher.Id.ToString(),
            JsonSerializer.Serialize(new { voucher.OrganisationId, voucher.Unit, voucher.Amount, voucher.Note }, PlaceRequests.Json)), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/compute/vouchers/{voucher.Id}", new VoucherView(voucher.Id, voucher.OrganisationId, voucher.Unit, voucher.Amount, voucher.Amount, voucher.Note, voucher.GrantedAt, voucher.ExpiresOn));
    }

    /// <summary>The holder's vouchers (Incentives' awards among them, credited when they were approved).</summary>
    public static async Task<Ok<IReadOnlyList<VoucherView>>> MineAsync(ComputeDb db, IActor actor, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListAsync(db, actor.OrganisationId ?? Guid.Empty, time, cancellationToken));

    public static async Task<IReadOnlyList<VoucherView>> ListAsync(ComputeDb db, Guid organisationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var balances = (await VoucherDebits.BalancesAsync(db, organisationId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken)).ToDictionary(b => b.Id);
        var vouchers = await db.Vouchers.AsNoTracking().Where(v => v.OrganisationId == organisationId).OrderBy(v => v.GrantedAt).ToListAsync(cancellationToken);
        return [.. vouchers.Select(v => new VoucherView(v.Id, v.OrganisationId, v.Unit, v.Amount, balances[v.Id].Remaining, v.Note, v.GrantedAt, v.ExpiresOn))];
    }

    /// <summary>An amount with its unit, in the reader's language (yuan, or device-hours: 卡时).</summary>
    public static string Format(VoucherUnit unit, decimal amount, UiText text) =>
        text.Format(unit == VoucherUnit.Yuan ? "compute.voucher.yuan" : "compute.voucher.device-hours", amount.ToString("N2", CultureInfo.InvariantCulture));
}
