namespace Funeng.Policy;

/// <summary>Options of the Policy module (section <c>Policy</c>).</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>The pack loaded into a new database. Defaults to the Guangdong pack shipped beside the host.</summary>
    public string DefaultPackDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "policies", "guangdong");
}
