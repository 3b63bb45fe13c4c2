using Funeng.Kernel.Web;

namespace Funeng.Compute.Simulation;

/// <summary>Where in a file a problem is: a line (and column) of a CSV, a job of a JSON array, or a field path.</summary>
internal enum TraceSpot
{
    Line,
    Job,
    Field,
}

/// <summary>
/// A problem in a file the simulation reads (a job trace, a centres file, a result): the file, where in it and what
/// is wrong, told in the reader's language (<c>pods.csv 第 6 行“num_gpu”列：…</c>). Thrown in an
/// <see cref="InvalidInputException"/>: nothing was replayed. Its <see cref="FieldProblem.Description"/> carries
/// the file and the place, so a page or the command line shows it whole.
/// </summary>
internal sealed record TraceProblem : FieldProblem
{
    private TraceProblem(string file, TraceSpot spot, int number, string field, ProblemMessage problem)
        : base(field, ProblemMessage.Of("compute.trace.located", Path.GetFileName(file), Place(spot, number, field), problem))
    {
        File = Path.GetFileName(file);
        Spot = spot;
        Number = number;
        Problem = problem;
    }

    /// <summary>The file's name, without its folder.</summary>
    public string File { get; }

    public TraceSpot Spot { get; }

    /// <summary>The 1-based line or job, or 0 for a field path.</summary>
    public int Number { get; }

    /// <summary>What is wrong, without where.</summary>
    public ProblemMessage Problem { get; }

    /// <summary>For the API's and the page's problems by field: <c>line 6.num_gpu</c>, <c>job 3.submitted_time</c>, <c>centres[0].city</c>.</summary>
    public override string Location => Spot switch
    {
        TraceSpot.Line => Field.Length == 0 ? $"line {Number}" : $"line {Number}.{Field}",
        TraceSpot.Job => Field.Length == 0 ? $"job {Number}" : $"job {Number}.{Field}",
        _ => Field,
    };

    /// <summary>A problem with line <paramref name="line"/> as a whole (<paramref name="column"/> empty) or with one of its columns.</summary>
    public static InvalidInputException AtLine(string file, int line, string column, ProblemMessage problem) =>
        new([new TraceProblem(file, TraceSpot.Line, line, column, problem)]);

    /// <summary>A problem with the <paramref name="job"/>-th job of a JSON array, as a whole or with one of its fields.</summary>
    public static InvalidInputException AtJob(string file, int job, string field, ProblemMessage problem) =>
        new([new TraceProblem(file, TraceSpot.Job, job, field, problem)]);

    /// <summary>A problem with a field of a JSON file, named by its path (<c>centres[0].pools[1].devices</c>).</summary>
    public static InvalidInputException AtField(string file, string field, ProblemMessage problem) =>
        new([new TraceProblem(file, TraceSpot.Field, 0, field, problem)]);

    /// <summary>A JSON file that could not be read: the line where reading stopped (the problem names the path).</summary>
    public static InvalidInputException NotJson(string file, System.Text.Json.JsonException error, ProblemMessage problem)
    {
        ArgumentNullException.ThrowIfNull(error);
        return AtLine(file, (int)(error.LineNumber ?? 0) + 1, "", problem);
    }

    /// <summary>The JSON path where reading stopped (<c>$.centres[0].pools</c>), or <c>$</c>.</summary>
    public static string PathOf(System.Text.Json.JsonException error) => error?.Path is { Length: > 0 } path ? path : "$";

    /// <summary>The trace problems among <paramref name="problems"/>.</summary>
    public static IReadOnlyList<TraceProblem> Among(InvalidInputException problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Problems.OfType<TraceProblem>().ToList();
    }

    private static ProblemMessage Place(TraceSpot spot, int number, string field) => spot switch
    {
        TraceSpot.Line when field.Length == 0 => ProblemMessage.Of("compute.trace.at.line", number),
        TraceSpot.Line => ProblemMessage.Of("compute.trace.at.line-column", number, field),
        TraceSpot.Job when field.Length == 0 => ProblemMessage.Of("compute.trace.at.job", number),
        TraceSpot.Job => ProblemMessage.Of("compute.trace.at.job-field", number, field),
        _ => ProblemMessage.Of("compute.trace.at.field", field),
    };
}
