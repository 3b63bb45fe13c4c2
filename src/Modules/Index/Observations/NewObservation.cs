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

    /// <summary>
    /// The field the problem is filed under, as the API's <c>errors</c> name it: <c>row 4.value</c>, or the column
    /// alone outside imports. A key for clients and the page's model state; what a person reads is <see cref="Where"/>.
    /// </summary>
    public override string Location => Row is null ? Column : $"row {Row}.{Column}";

    /// <summary>Where the problem is, in words: 第 4 行“value”列 / row 4, column value.</summary>
    public ProblemMessage Where => Row is null
        ? ProblemMessage.Of("index.problem.location.column", Column)
        : ProblemMessage.Of("index.problem.location.row", Row, Column);

    /// <summary>The observation problems among <paramref name="problems"/>.</summary>
    public static IReadOnlyList<ObservationError> Among(InvalidInputException problems) => problems.Problems.OfType<ObservationError>().ToList();

    /// <summary>The problem with where it is, in <paramref name="culture"/> (the API's messages, the CLI's lines).</summary>
    public string In(UiText text, CultureInfo culture) => ProblemMessage.Of("index.problem.located", Where, Problem).In(text, culture);
}
