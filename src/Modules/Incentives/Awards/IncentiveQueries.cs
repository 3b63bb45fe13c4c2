using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Rules;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

internal sealed class IncentiveQueries(IncentivesDb db) : IIncentiveQueries
{
    public async Task<IReadOnlyList<VoucherAward>> ListVoucherAwardsAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        var awards = await db.Awards.AsNoTracking().Where(a => a.OrganisationId == organisationId && a.Kind == AwardKind.Voucher).ToListAsync(cancellationToken);
        return awards.OrderByDescending(a => a.DecidedAt).Select(AwardEvents.VoucherOf).ToList();
    }
}
