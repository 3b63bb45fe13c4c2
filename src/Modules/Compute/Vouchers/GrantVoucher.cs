using Funeng.Compute.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;

namespace Funeng.Compute.Vouchers;

internal sealed record GrantVoucherInput(Guid OrganisationId, VoucherUnit Unit, decimal Amount, string Note, DateOnly? ExpiresOn);

/// <summary>Office staff grant a compute voucher outside any program (programs' vouchers come from Incentives' awards: <see cref="CreditVoucherAwards"/>).</summary>
internal sealed class GrantVoucher(ComputeDb db, IActor actor, IAuditLog audit, TimeProvider time)
{
    /// <summary>The largest amount one voucher may carry, in yuan or device-hours.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public async Task<VoucherView> ExecuteAsync(GrantVoucherInput input, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.refusal.office-grants-vouchers"), "organisationId", 403);
        }

        InvalidInputException.ThrowIfAny(Problems(input));
        var voucher = new VoucherRecord { Id = Guid.NewGuid(), OrganisationId = input.OrganisationId, Unit = input.Unit, Amount = input.Amount, Note = input.Note.Trim(), GrantedBy = actor.Name, GrantedAt = time.GetUtcNow(), ExpiresOn = input.ExpiresOn };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.voucher.granted", "compute_voucher", voucher.Id.ToString(),
            ProblemMessage.Of("compute.audit.voucher-granted", voucher.OrganisationId.ToString(), ProblemMessage.Of(voucher.Unit == VoucherUnit.Yuan ? "compute.voucher.yuan" : "compute.voucher.device-hours", voucher.Amount), voucher.Note)), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new VoucherView(voucher.Id, voucher.OrganisationId, voucher.Unit, voucher.Amount, voucher.Amount, ProblemMessage.Fixed(voucher.Note), voucher.GrantedAt, voucher.ExpiresOn);
    }

    /// <summary>What a grant must hold; each problem names its field.</summary>
    public static IEnumerable<FieldProblem> Problems(GrantVoucherInput input)
    {
        if (input.OrganisationId == Guid.Empty)
        {
            yield return FieldProblem.Of("organisationId", "compute.problem.voucher-organisation");
        }

        if (input.Amount <= 0 || input.Amount > MaxAmount)
        {
            yield return FieldProblem.Of("amount", "compute.problem.voucher-amount", MaxAmount);
        }

        if (string.IsNullOrWhiteSpace(input.Note) || input.Note.Length > 500)
        {
            yield return FieldProblem.Of("note", "compute.problem.voucher-note");
        }
    }
}
