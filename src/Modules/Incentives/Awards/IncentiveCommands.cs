using Funeng.Incentives.Contracts;

namespace Funeng.Incentives.Awards;

/// <summary>The command line's <see cref="IIncentiveCommands"/>: an approval through the same use case as the API's.</summary>
internal sealed class IncentiveCommands(DecideApplication decide) : IIncentiveCommands
{
    public async Task<ApprovedAward> ApproveAsync(Guid applicationId, decimal? amount, string reasons, CancellationToken cancellationToken = default)
    {
        var award = await decide.ApproveAsync(applicationId, amount, reasons, cancellationToken);
        return new ApprovedAward(award.Id, award.ProgramId, award.RecipientName, award.Amount, award.Year);
    }
}
