namespace Funeng.Scenarios;

/// <summary>Options of the Scenarios module (section <c>Scenarios</c>).</summary>
public sealed class ScenariosOptions
{
    public const string Section = "Scenarios";

    /// <summary>How long an announced ranking stays open to objections before the award can be made.</summary>
    public TimeSpan NoticePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Where challenge attachments are stored (under the platform's data folder by default).</summary>
    public string AttachmentDirectory { get; set; } = Path.Combine(
        Environment.GetEnvironmentVariable("FUNENG_HOME") ?? Directory.GetCurrentDirectory(), "data", "scenarios", "attachments");

    /// <summary>The largest attachment accepted, in bytes.</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Whether anonymous readers see the name of the organisation that posted a scenario (the office's choice; on by default).</summary>
    public bool ShowOwnerOrganisationToPublic { get; set; } = true;

    /// <summary>Whether anonymous readers see the name of a scenario's contact person (off by default); the contact detail never shows to them.</summary>
    public bool ShowContactPersonToPublic { get; set; }
}
