namespace Funeng.Platform.Data;

/// <summary>A line in a user's inbox.</summary>
internal sealed class Notification
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string Link { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
