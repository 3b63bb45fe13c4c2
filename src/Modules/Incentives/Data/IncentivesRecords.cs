using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Data;

/// <summary>The enterprise's facts, kept once and reused by every check and application (一企一档).</summary>
internal sealed class EnterpriseProfile
{
    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public string? CitySlug { get; set; }

    /// <summary>The facts as written (<see cref="FactValues"/> as JSON).</summary>
    public string FactsJson { get; set; } = "{}";

    /// <summary>On the untrustworthy-entity (失信) list; kept by office staff, never by the enterprise.</summary>
    public bool Untrustworthy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A parameter value office staff set, from a date on (a figure the sources leave unset, or a change).</summary>
internal sealed class ParameterSetting
{
    public Guid Id { get; set; }

    public string ProgramId { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Value { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public string SetBy { get; set; } = "";

    public DateTimeOffset SetAt { get; set; }
}

internal enum ApplicationStatus
{
    Submitted,
    Incomplete,
    UnderReview,
    Approved,
    Rejected,
}

internal sealed class Application
{
    public Guid Id { get; set; }

    /// <summary>What the applicant quotes, e.g. <c>GD-2026-000123</c>: the year's running number (see <c>ReceiptNumbers</c>).</summary>
    public string? ReceiptNumber { get; set; }

    public string ProgramId { get; set; } = "";

    public Guid OrganisationId { get; set; }

    public string ApplicantName { get; set; } = "";

    public string? CitySlug { get; set; }

    public ApplicationStatus Status { get; set; }

    /// <summary>The facts as submitted: the decision reads these, not the profile as it is later.</summary>
    public string FactsJson { get; set; } = "{}";

    public DateOnly SubmittedOn { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The most the rules allowed when it was submitted, in fen; null if a figure was unset.</summary>
    public long? MaximumFen { get; set; }

    public string? CompletenessNote { get; set; }

    public string? DecisionReasons { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public List<Attachment> Attachments { get; set; } = [];

    public List<ExpertScore> Scores { get; set; } = [];
}

/// <summary>What happened to an application; the status page lists these in order.</summary>
internal enum ApplicationStepKind
{
    Submitted,
    FoundIncomplete,
    FoundComplete,
    ReviewerAssigned,
    Scored,
    Approved,
    Rejected,
}

/// <summary>One step of an application's history: what, when and by whom (the actor's display name).</summary>
internal sealed class ApplicationStep
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public ApplicationStepKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorName { get; set; } = "";

    public string? Note { get; set; }
}

internal sealed class Attachment
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public string DocumentKey { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An application given to a reviewing organisation (a university or institute): its experts score it.</summary>
internal sealed class ReviewAssignment
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid ReviewerOrganisationId { get; set; }

    public string AssignedBy { get; set; } = "";

    public DateTimeOffset AssignedAt { get; set; }
}

internal sealed class ExpertScore
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public string ExpertUserId { get; set; } = "";

    /// <summary>The sum of <see cref="CriteriaJson"/>'s points: 0–100.</summary>
    public int Score { get; set; }

    /// <summary>Points per review criterion of the program, as JSON: {"innovation": 25, ...}.</summary>
    public string CriteriaJson { get; set; } = "{}";

    public string? Comment { get; set; }

    public DateTimeOffset ScoredAt { get; set; }
}

internal enum AwardStatus
{
    Committed,
    Paid,
    ClawedBack,
}

internal sealed class Award
{
    public Guid Id { get; set; }

    /// <summary>The application approved, or for an award made from a result elsewhere, the challenge's or case's id (see <see cref="Basis"/>).</summary>
    public Guid ApplicationId { get; set; }

    /// <summary>A <see cref="Contracts.AwardBasis"/> name: what the award was made from.</summary>
    public string Basis { get; set; } = nameof(Contracts.AwardBasis.Application);

    public string ProgramId { get; set; } = "";

    public Guid OrganisationId { get; set; }

    public string RecipientName { get; set; } = "";

    public string? CitySlug { get; set; }

    public int Year { get; set; }

    public AwardKind Kind { get; set; }

    public AwardStatus Status { get; set; }

    public long AmountFen { get; set; }

    public DateOnly DecidedOn { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>
    /// End of the public notice period (公示), the program's <c>notice_days</c> after the decision: until then anyone
    /// signed in may object; the award is final once it has passed with no objection open or upheld.
    /// </summary>
    public DateTimeOffset NoticeEndsAt { get; set; }

    /// <summary>The explanation with every value used on the decision date; later parameter changes leave it as it was.</summary>
    public string TraceJson { get; set; } = "[]";

    public decimal Amount => AmountFen / 100m;
}

/// <summary>An objection to an award lodged during its notice period; the office resolves it (upheld claws the award back).</summary>
internal sealed class AwardObjection
{
    public Guid Id { get; set; }

    public Guid AwardId { get; set; }

    public string FiledByUserId { get; set; } = "";

    public Guid? FiledByOrganisationId { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    public bool? Upheld { get; set; }

    public string? Resolution { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>
/// One leg of a double-entry ledger transaction; the legs of a transaction sum to zero. Accounts per program and
/// year: appropriation → available (budget) → committed (award) → paid; a clawback returns paid money to available.
/// </summary>
internal sealed class LedgerEntry
{
    public long Id { get; set; }

    public Guid TransactionId { get; set; }

    public string ProgramId { get; set; } = "";

    public int Year { get; set; }

    public string Account { get; set; } = "";

    /// <summary>Whole fen, signed: positive debits the account, negative credits it.</summary>
    public long AmountFen { get; set; }

    public Guid? AwardId { get; set; }

    public string? CitySlug { get; set; }

    public string Memo { get; set; } = "";

    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>That an enterprise was told it became eligible for a program, so a screening tells it once.</summary>
internal sealed class EligibilityNotice
{
    public string ProgramId { get; set; } = "";

    public Guid OrganisationId { get; set; }

    public DateTimeOffset NotifiedAt { get; set; }
}
