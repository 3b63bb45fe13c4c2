using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Index.Observations;

/// <summary>A value to record, from the form, the API or one row of an import. <c>Publish = false</c> keeps it a draft, seen only by its city and the office.</summary>
internal sealed record NewObservation(string Indicator, string Scope, int Year, decimal Value, string Source, bool Publish = true, string? Note = null, bool Invented = false);

/// <summary>A problem with an observation: the row (1-based, counting the header as row 1; null outside imports), the column and what is wrong,
/// told in the reader's language. Thrown in an <see cref="InvalidInputException"/>: nothing was written because of these problems.</summary>
internal sealed record ObservationError(int? Row, string Column, ProblemMessage Problem) : FieldProblem(Column, Problem)
{
    public static ObservationError Of(int? row, string column, string key, params object?[] arguments) => new(row, column, ProblemMessage.Of(key, arguments));

    public override string Location => Row is null ? Column : $"row {Row}, column {Column}";

    /// <summary>The observation problems among <paramref name="problems"/>.</summary>
    public static IReadOnlyList<ObservationError> Among(InvalidInputException problems) => problems.Problems.OfType<ObservationError>().ToList();

    /// <summary>The problem with its row and column in <paramref name="culture"/> (the CLI prints it).</summary>
    public string In(UiText text, CultureInfo culture) => Row is null
        ? string.Format(culture, text.Get("index.problem.in-column", culture), Column, Problem.In(text, culture))
        : string.Format(culture, text.Get("index.problem.at-row", culture), Row, Column, Problem.In(text, culture));
}
