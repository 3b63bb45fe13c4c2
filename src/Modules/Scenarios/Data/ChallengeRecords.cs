namespace Funeng.Scenarios.Data;

/// <summary>Where a challenge is: open for entries, under review, announced (notice period), awarded.</summary>
internal enum ChallengeStatus
{
    Open,
    Reviewing,
    Announced,
    Awarded,
}

/// <summary>A Challenge and Lead (揭榜挂帅) call built from one or more scenarios.</summary>
internal sealed class Challenge
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string Requirements { get; set; } = "";

    public string Eligibility { get; set; } = "";

    public DateTimeOffset Deadline { get; set; }

    public string AwardDescription { get; set; } = "";

    /// <summary>Yuan.</summary>
    public decimal AwardAmount { get; set; }

    /// <summary>Phase names joined by '|', e.g. "初审 Preliminary|终审 Final"; entries advance one phase at a time.</summary>
    public string Phases { get; set; } = "";

    public ChallengeStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When entries were closed (null while open).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why entries were closed before the published deadline; null when they closed at or after it.</summary>
    public string? EarlyCloseReason { get; set; }

    public DateTimeOffset? AnnouncedAt { get; set; }

    public DateTimeOffset? NoticeEndsAt { get; set; }

    public DateTimeOffset? AwardedAt { get; set; }

    public Guid? WinnerEntryId { get; set; }

    /// <summary>The prize's award in Incentives' ledger (null before the award, or for a prize of 0 yuan).</summary>
    public Guid? AwardId { get; set; }

    public List<ChallengeScenario> Scenarios { get; set; } = [];

    public List<Criterion> Criteria { get; set; } = [];

    public string[] PhaseNames => Phases.Split('|');
}

internal sealed class ChallengeScenario
{
    public Guid ChallengeId { get; set; }

    public Guid ScenarioId { get; set; }
}

/// <summary>A rubric criterion; weights are relative (they need not sum to 100).</summary>
internal sealed class Criterion
{
    public Guid Id { get; set; }

    public Guid ChallengeId { get; set; }

    public int Position { get; set; }

    public string Name { get; set; } = "";

    public decimal Weight { get; set; }
}

/// <summary>A team's solution. Experts see it only by its <see cref="Label"/> until the ranking is announced.</summary>
internal sealed class Entry
{
    public Guid Id { get; set; }

    public Guid ChallengeId { get; set; }

    public string Label { get; set; } = "";

    public string Title { get; set; } = "";

    public string Solution { get; set; } = "";

    public Guid LeadOrganisationId { get; set; }

    public string SubmittedByUserId { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>1-based phase the entry is in.</summary>
    public int Phase { get; set; } = 1;

    public int? Rank { get; set; }

    public decimal? FinalScore { get; set; }

    public List<EntryMember> Members { get; set; } = [];

    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>
/// An organisation of an entry's team (the lead is a member too). A partner becomes a member only by accepting the
/// lead's <see cref="PartnerRequest"/>. <see cref="ChallengeId"/> repeats the entry's so that a unique index
/// (challenge, organisation) keeps every organisation on at most one team per challenge, even under concurrent
/// submissions.
/// </summary>
internal sealed class EntryMember
{
    public Guid EntryId { get; set; }

    public Guid ChallengeId { get; set; }

    public Guid OrganisationId { get; set; }
}

internal enum PartnerRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>A lead's request that an organisation join its entry's team; the named organisation accepts or declines it.</summary>
internal sealed class PartnerRequest
{
    public Guid Id { get; set; }

    public Guid ChallengeId { get; set; }

    public Guid EntryId { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid LeadOrganisationId { get; set; }

    public PartnerRequestStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredByUserId { get; set; }
}

internal sealed class Attachment
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";
}

/// <summary>An expert who has joined the reviewer roster (their organisation is recorded for conflict checks).</summary>
internal sealed class RosterExpert
{
    public string UserId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public Guid OrganisationId { get; set; }

    public string Fields { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }
}

internal sealed class PanelMember
{
    public Guid ChallengeId { get; set; }

    public string ExpertUserId { get; set; } = "";

    public Guid ExpertOrganisationId { get; set; }

    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>A conflict an expert declares: with an organisation (whole challenge) or with one entry.</summary>
internal sealed class ConflictDeclaration
{
    public Guid Id { get; set; }

    public Guid ChallengeId { get; set; }

    public string ExpertUserId { get; set; } = "";

    public Guid? OrganisationId { get; set; }

    public Guid? EntryId { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset DeclaredAt { get; set; }
}

/// <summary>One expert's scores of one entry in one phase.</summary>
internal sealed class Evaluation
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    public int Phase { get; set; }

    public string ExpertUserId { get; set; } = "";

    /// <summary>The weighted score, 0–100.</summary>
    public decimal Score { get; set; }

    public string Comment { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public List<CriterionScore> Scores { get; set; } = [];
}

internal sealed class CriterionScore
{
    public Guid EvaluationId { get; set; }

    public Guid CriterionId { get; set; }

    public decimal Score { get; set; }
}

/// <summary>An objection filed against an announced ranking during its notice period.</summary>
internal sealed class Objection
{
    public Guid Id { get; set; }

    public Guid ChallengeId { get; set; }

    public string FiledByUserId { get; set; } = "";

    public Guid? FiledByOrganisationId { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    public bool? Upheld { get; set; }

    public string? Resolution { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
