using Funeng.Kernel.Web;

namespace Funeng.Incentives.Contracts;

/// <summary>What an award is made from.</summary>
public enum AwardBasis
{
    /// <summary>An application the office approved.</summary>
    Application,

    /// <summary>The result of a Challenge-and-Lead challenge (Scenarios).</summary>
    ChallengeResult,

    /// <summary>A benchmark-case designation (Scenarios).</summary>
    BenchmarkDesignation,
}

/// <summary>
/// An award another module's decision makes under a program of the pack, without an application.
/// <paramref name="BasisId"/> is the challenge's or the case's id: one award per basis, however many requests race.
/// <paramref name="Amount"/> null means the program's per-award maximum. <paramref name="Reasons"/> go into the award's
/// audit entry as they are given: a keyed message (the caller's <c>strings.json</c>) is worded for each reader, text
/// a person typed is <see cref="ProblemMessage.Fixed"/> and shown as written.
/// </summary>
public sealed record ResultAwardRequest(string ProgramId, AwardBasis Basis, Guid BasisId, Guid OrganisationId, string RecipientName, string? CitySlug, decimal? Amount, ProblemMessage Reasons);

/// <summary>An award made, committed in the program's ledger (a voucher program's award is a compute voucher).</summary>
public sealed record ResultAward(Guid AwardId, string ProgramId, decimal Amount, int Year, bool Voucher);

/// <summary>
/// Awards made from a decision taken elsewhere (a challenge's result, a benchmark designation), through the same
/// ledger as every other award: inside the program's lock, budget-checked, capped by the program's per-award
/// maximum, counted against its yearly quota (the same count an application's approval is checked against, so
/// the quota holds across both paths), posted double-entry and audited in one transaction.
/// </summary>
public interface IResultAwards
{
    /// <summary>The program whose yearly quota counts <paramref name="indicator"/> (e.g. <c>benchmark_cases</c>), or null.</summary>
    string? QuotaProgram(string indicator);

    /// <summary>The program the pack declares for awards made from <paramref name="basis"/> (<c>awarded_for</c>, e.g. Challenge-and-Lead prizes), or null.</summary>
    string? ProgramFor(AwardBasis basis);

    /// <summary>Makes the award, or throws <see cref="Kernel.Web.DomainRuleException"/> naming the rule it breaks (409 for quota, budget, a second award).</summary>
    Task<ResultAward> AwardAsync(ResultAwardRequest request, CancellationToken cancellationToken = default);
}
