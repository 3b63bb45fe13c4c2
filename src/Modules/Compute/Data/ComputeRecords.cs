using Funeng.Compute.Scheduling;

namespace Funeng.Compute.Data;

internal sealed class CentreRecord
{
    public Guid Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public Guid OperatorOrganisationId { get; set; }
    public required string CitySlug { get; set; }
    public CentreTier Tier { get; set; }
    public bool Up { get; set; } = true;
    /// <summary>True when the figures are invented for the demo (shown as 演示 / demo).</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<PoolRecord> Pools { get; set; } = [];
}

internal sealed class PoolRecord
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public required string Name { get; set; }
    public required string Accelerator { get; set; }
    public int Devices { get; set; }
    /// <summary>Dense FP16/BF16 TFLOPS of one device.</summary>
    public double Fp16Tflops { get; set; }
    public double Fp32Tflops { get; set; }
    public double MemoryGb { get; set; }
    public required string Interconnect { get; set; }
    public decimal PricePerDeviceHour { get; set; }
    /// <summary>The engine that runs jobs here: <c>simulator</c> or <c>slurm</c>.</summary>
    public required string Engine { get; set; }
    public bool IsDemo { get; set; }
}

/// <summary>Round-trip network latency from a centre to a city, in milliseconds.</summary>
internal sealed class LatencyRecord
{
    public Guid CentreId { get; set; }
    public required string CitySlug { get; set; }
    public double Milliseconds { get; set; }
    public bool IsDemo { get; set; }
}

internal sealed class RequestRecord
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string SubmittedBy { get; set; }
    public required string Title { get; set; }
    /// <summary>Comma-separated accelerator models; empty means "any device meeting the minimums".</summary>
    public string Accelerators { get; set; } = "";
    public double? MinTflops { get; set; }
    public double? MinMemoryGb { get; set; }
    public int Devices { get; set; }
    public double EstimatedHours { get; set; }
    public DateTimeOffset EarliestStart { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public required string DataCity { get; set; }
    /// <summary>The sector the compute serves (a key of Kernel's <c>Sectors</c>, the platform's one taxonomy), for measure 8's coverage of key industries; null when not given.</summary>
    public string? Sector { get; set; }
    public double? MaxLatencyMs { get; set; }
    public decimal? Budget { get; set; }
    /// <summary>Comma-separated ids of the vouchers this request may draw on.</summary>
    public string VoucherIds { get; set; } = "";
    /// <summary>The registered job template the job runs (<c>reserve</c> holds the devices); never a shell command.</summary>
    public string JobTemplate { get; set; } = "reserve";
    /// <summary>The template's arguments as a JSON object of strings, validated at submission; each reaches the program as one argv element.</summary>
    public string? JobArguments { get; set; }
    public RequestState State { get; set; }
    public string? StateReason { get; set; }
    /// <summary>The latest placement attempt's <see cref="PlacementExplanation"/> as JSON, placed or not.</summary>
    public string? LastExplanation { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One placement of a request; a re-placed request keeps its old placements, inactive.</summary>
internal sealed class PlacementRecord
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public Guid CentreId { get; set; }
    public Guid PoolId { get; set; }
    public required string Policy { get; set; }
    public DateTimeOffset PlannedStart { get; set; }
    public DateTimeOffset PlannedEnd { get; set; }
    public decimal Cost { get; set; }
    public double DeviceHours { get; set; }
    public required string Engine { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>The <see cref="PlacementExplanation"/> as JSON.</summary>
    public required string Explanation { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

internal enum VoucherUnit
{
    DeviceHours,
    Yuan,
}

internal sealed class VoucherRecord
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public VoucherUnit Unit { get; set; }
    public decimal Amount { get; set; }
    public required string Note { get; set; }
    public required string GrantedBy { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>A debit (positive) or refund (negative) of a voucher by a placement.</summary>
internal sealed class VoucherDebitRecord
{
    public Guid Id { get; set; }
    public Guid VoucherId { get; set; }
    public Guid RequestId { get; set; }
    public Guid PlacementId { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Office settings of the module (the placement policy), one row per key.</summary>
internal sealed class SettingRecord
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
