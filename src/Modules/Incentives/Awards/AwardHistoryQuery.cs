using Funeng.Incentives.Data;
using Funeng.Incentives.Rules;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Awards;

internal static class AwardHistoryQuery
{
    /// <summary>What the program has awarded in <paramref name="year"/>, in total and to one enterprise; clawed-back awards do not count.</summary>
    public static async Task<AwardHistory> HistoryAsync(this IncentivesDb db, string programId, Guid organisationId, int year, CancellationToken cancellationToken)
    {
        var awards = db.Awards.Where(a => a.ProgramId == programId && a.Year == year && a.Status != AwardStatus.ClawedBack);
        var count = await awards.CountAsync(cancellationToken);
        var totalFen = await awards.SumAsync(a => a.AmountFen, cancellationToken);
        var enterpriseFen = await awards.Where(a => a.OrganisationId == organisationId).SumAsync(a => a.AmountFen, cancellationToken);
        return new AwardHistory(enterpriseFen / 100m, count, totalFen / 100m);
    }
}
