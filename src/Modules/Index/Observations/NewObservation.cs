using Funeng.Kernel.Web;

namespace Funeng.Index.Observations;

/// <summary>A value to record, from the form, the API or one row of an import. <c>Publish = false</c> keeps it a draft, seen only by its city and the office.</summary>
internal sealed record NewObservation(string Indicator, string Scope, int Year, decimal Value, string Source, bool Publish = true, string? Note = null, bool Invented = false);

/// <summary>A problem with an observation: the row (1-based, counting the header as row 1; null outside imports), the column and what is wrong.
/// Thrown in an <see cref="InvalidInputException"/>: nothing was written because of these problems.</summary>
/// <remarks><paramref name="Message"/> is the English text (logs, the CLI); <paramref name="Keyed"/>, when given, what a page tells the reader.</remarks>
internal sealed record ObservationError(int? Row, string Column, string Message, ProblemMessage? Keyed = null) : FieldProblem(Column, Keyed ?? ProblemMessage.Fixed(Message))
{
    public override string Location => Row is null ? Column : $"row {Row}, column {Column}";

    /// <summary>The observation problems among <paramref name="problems"/>.</summary>
    public static IReadOnlyList<ObservationError> Among(InvalidInputException problems) => problems.Problems.OfType<ObservationError>().ToList();

    public override string ToString() => Row is null ? $"{Column}: {Message}" : $"row {Row}, column {Column}: {Message}";
}
