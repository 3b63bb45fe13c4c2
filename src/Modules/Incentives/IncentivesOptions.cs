namespace Funeng.Incentives;

/// <summary>Options of the Incentives module (section <c>Incentives</c>).</summary>
public sealed class IncentivesOptions
{
    public const string Section = "Incentives";

    /// <summary>The pack whose <c>facts.yaml</c> and <c>programs/</c> this platform runs. Defaults to the Guangdong pack beside the host.</summary>
    public string PackDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "policies", "guangdong");

    /// <summary>The largest attachment accepted, in bytes.</summary>
    public int MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often undelivered award events (left by a crash or a failed handler) are delivered again; 0 = at start-up only.</summary>
    public int OutboxDeliverySeconds { get; set; } = 30;
}
