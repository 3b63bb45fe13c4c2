using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Import;

/// <summary>An organisation named in an import row; found again by credit code, else by exact Chinese legal name.</summary>
internal sealed record ImportedOrganisation(string NameZh, string NameEn, string? CreditCode, string? CitySlug, string? District, IReadOnlyList<string> Sectors)
{
    public string Key => CreditCode ?? NameZh;
}

/// <summary>A listing of an import row; <see cref="Source"/> + <see cref="SourceId"/> identify it across re-imports.</summary>
internal sealed record ImportedListing(int Row, string Source, string SourceId, ListingType Type, ImportedOrganisation Owner, ListingContent Content);

/// <summary>
/// One validation problem, naming the row and column as a spreadsheet shows them. The message is told in the
/// reader's language (the import page, the API, the CLI).
/// </summary>
internal sealed record ImportError(int Row, string Column, ProblemMessage Message)
{
    public static ImportError Of(int row, string column, string key, params object?[] arguments) => new(row, column, ProblemMessage.Of(key, arguments));

    public override string ToString() => $"row {Row}, column {Column}: {Message}";

    /// <summary>The problem as one line in <paramref name="culture"/>, for the CLI.</summary>
    public string Describe(Kernel.Localization.UiText text, System.Globalization.CultureInfo culture) =>
        ProblemMessage.Of("catalog.import.problem.at-row", Row, Column, Message).In(text, culture);
}

/// <summary>A file turned into organisations and listings, or the problems that stop it.</summary>
internal sealed record ImportBatch(string Format, IReadOnlyList<ImportedOrganisation> Organisations, IReadOnlyList<ImportedListing> Listings, IReadOnlyList<ImportError> Errors);
