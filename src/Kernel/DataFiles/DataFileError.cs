namespace Funeng.Kernel.DataFiles;

/// <summary>One problem in a data file, located so that a policy officer can find and fix it.</summary>
/// <param name="File">The file, relative to the pack folder.</param>
/// <param name="Line">1-based line, or 0 when the problem is the file as a whole.</param>
/// <param name="Field">The field path, e.g. <c>targets[3].value</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record DataFileError(string File, int Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}

/// <summary>Thrown when data files fail validation; nothing of them has been written.</summary>
public sealed class DataFileValidationException : Exception
{
    public DataFileValidationException(IReadOnlyList<DataFileError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public DataFileValidationException()
    {
        Errors = [];
    }

    public DataFileValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DataFileValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<DataFileError> Errors { get; }

    private static string Describe(IReadOnlyList<DataFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"{errors.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
