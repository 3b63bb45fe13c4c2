using Funeng.Kernel.Web;

namespace Funeng.Kernel.DataFiles;

/// <summary>
/// One problem in a data file, located so that a policy officer can find and fix it. Readers throw them in an
/// <see cref="InvalidInputException"/> (all or nothing: nothing of the files has been written).
/// </summary>
/// <param name="File">The file, relative to the pack folder.</param>
/// <param name="Line">1-based line, or 0 when the problem is the file as a whole.</param>
/// <param name="Field">The field path, e.g. <c>targets[3].value</c>.</param>
/// <param name="Description">What is wrong and what is expected, a <c>strings.json</c> key told in the reader's language.</param>
public sealed record DataFileError(string File, int Line, string Field, ProblemMessage Description) : FieldProblem(Field, Description)
{
    /// <summary>The file, line and field, e.g. <c>targets.yaml:12: targets[3].value</c>.</summary>
    public override string Location => Line > 0 ? $"{File}:{Line}: {Field}" : $"{File}: {Field}";

    /// <summary>The data-file problems among <paramref name="problems"/>.</summary>
    public static IReadOnlyList<DataFileError> Among(InvalidInputException problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Problems.OfType<DataFileError>().ToList();
    }

    /// <summary>For logs: the location and the message's key with its arguments.</summary>
    public override string ToString() => $"{Location}: {Description}";
}
