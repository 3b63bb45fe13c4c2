namespace Funeng.Incentives.Contracts;

/// <summary>An award as the command line reports it.</summary>
/// <param name="AwardId">The new award.</param>
/// <param name="ProgramId">The program it was awarded under.</param>
/// <param name="Recipient">The enterprise's name.</param>
/// <param name="Amount">Yuan committed in the ledger.</param>
/// <param name="Year">The budget year.</param>
public sealed record ApprovedAward(Guid AwardId, string ProgramId, string Recipient, decimal Amount, int Year);

/// <summary>Decisions for the command line, through the same code as the API (the acting user is the caller's to set).</summary>
public interface IIncentiveCommands
{
    /// <summary>
    /// Approves an application found complete: the award, its ledger entries and its audit entry commit together or
    /// not at all. Throws <see cref="Kernel.Web.DomainRuleException"/> when a rule, cap, quota or the budget forbids it.
    /// </summary>
    Task<ApprovedAward> ApproveAsync(Guid applicationId, decimal? amount, string reasons, CancellationToken cancellationToken = default);
}
