using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Data;

/// <summary>Who holds an application now: the party whose move it is.</summary>
internal enum ApplicationHolder
{
    /// <summary>Office or city staff check completeness, or decide after review.</summary>
    Office,

    /// <summary>The applicant completes what the check found missing.</summary>
    Applicant,

    /// <summary>Assigned experts score it.</summary>
    Experts,

    /// <summary>Decided: nobody holds it.</summary>
    Nobody,
}

/// <summary>
/// The steps of an application as its status page shows them, and the rule for who holds it. Steps are written
/// by the use cases in the same transaction as the change they record.
/// </summary>
internal static class ApplicationHistory
{
    public static void Record(IncentivesDb db, Guid applicationId, ApplicationStepKind kind, DateTimeOffset at, string actorName, string? note = null) =>
        db.ApplicationSteps.Add(new ApplicationStep { Id = Guid.NewGuid(), ApplicationId = applicationId, Kind = kind, At = at, ActorName = actorName, Note = note });

    public static async Task<IReadOnlyList<ApplicationStep>> StepsAsync(IncentivesDb db, Guid applicationId, CancellationToken cancellationToken) =>
        (await db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == applicationId).ToListAsync(cancellationToken))
        .OrderBy(s => s.At).ThenBy(s => s.Kind).ToList();

    /// <summary>Whose move it is: the office checks a new application, the applicant fixes an incomplete one, experts
    /// score one under review until every assigned reviewer has scored (then the office decides).</summary>
    public static ApplicationHolder Holder(ApplicationStatus status, bool expertReview, int assigned, int scored) => status switch
    {
        ApplicationStatus.Submitted => ApplicationHolder.Office,
        ApplicationStatus.Incomplete => ApplicationHolder.Applicant,
        ApplicationStatus.UnderReview when expertReview && (assigned == 0 || scored < assigned) => assigned == 0 ? ApplicationHolder.Office : ApplicationHolder.Experts,
        ApplicationStatus.UnderReview => ApplicationHolder.Office,
        _ => ApplicationHolder.Nobody,
    };
}

/// <summary>
/// Receipt numbers: the pack's prefix, the year of submission in China Standard Time and a running number within
/// that year, e.g. <c>GD-2026-000123</c>. The database's unique index settles two submissions that pick the same
/// number at once; the loser takes the next one.
/// </summary>
internal static class ReceiptNumbers
{
    public const string Prefix = "GD";

    public static string Format(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year}-{sequence:D6}");

    /// <summary>The number after the highest one issued in <paramref name="year"/>.</summary>
    public static async Task<string> NextAsync(IncentivesDb db, int year, CancellationToken cancellationToken)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year}-");
        var highest = await db.Applications.AsNoTracking().Where(a => a.ReceiptNumber != null && a.ReceiptNumber.StartsWith(stem))
            .MaxAsync(a => a.ReceiptNumber, cancellationToken);
        var last = highest is null ? 0 : int.Parse(highest[stem.Length..], CultureInfo.InvariantCulture);
        return Format(year, last + 1);
    }
}
