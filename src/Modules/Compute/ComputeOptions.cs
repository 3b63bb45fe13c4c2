namespace Funeng.Compute;

/// <summary>Options of the Compute module (section <c>Compute</c>).</summary>
public sealed class ComputeOptions
{
    public const string Section = "Compute";

    /// <summary>How often engines are asked about their jobs and the queue is placed again; 0 turns the watcher off.</summary>
    public int WatchIntervalSeconds { get; set; } = 10;

    /// <summary>
    /// The job templates the centres' operators register (section <c>Compute:JobTemplates:NAME</c>). A request names
    /// one and gives its arguments as data; no request carries a shell command.
    /// </summary>
    public Dictionary<string, JobTemplateOptions> JobTemplates { get; set; } = [];
}

/// <summary>A registered job: a program on the cluster, fixed leading arguments, and the parameters a request may fill.</summary>
public sealed class JobTemplateOptions
{
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";

    /// <summary>The absolute path of the program the job runs (on the cluster's nodes).</summary>
    public string EntryPoint { get; set; } = "";

    /// <summary>Arguments the operator fixes, passed first.</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>What a request may give, in the order they are passed.</summary>
    public List<JobParameterOptions> Parameters { get; set; } = [];
}

/// <summary>One argument a request gives: its kind and bounds; passed as one argv element (after <see cref="Flag"/> if set).</summary>
public sealed class JobParameterOptions
{
    public string Name { get; set; } = "";

    /// <summary>A flag passed before the value (e.g. <c>--epochs</c>); empty passes the value alone.</summary>
    public string? Flag { get; set; }

    /// <summary><c>integer</c>, <c>text</c> or <c>choice</c>.</summary>
    public string Kind { get; set; } = "text";

    public bool Required { get; set; }
    public long? Min { get; set; }
    public long? Max { get; set; }

    /// <summary>For text: a regular expression the whole value must match.</summary>
    public string? Pattern { get; set; }

    public int MaxLength { get; set; } = 200;

    /// <summary>For choice: the values allowed.</summary>
    public List<string> Choices { get; set; } = [];
}
