using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;

namespace Funeng.Catalog.Import;

/// <summary>An organisation named in an import row; found again by credit code, else by exact Chinese legal name.</summary>
internal sealed record ImportedOrganisation(string NameZh, string NameEn, string? CreditCode, string? CitySlug, string? District, IReadOnlyList<string> Sectors)
{
    public string Key => CreditCode ?? NameZh;
}

/// <summary>A listing of an import row; <see cref="Source"/> + <see cref="SourceId"/> identify it across re-imports.</summary>
internal sealed record ImportedListing(int Row, string Source, string SourceId, ListingType Type, ImportedOrganisation Owner, ListingContent Content);

/// <summary>One validation problem, naming the row and column as a spreadsheet shows them.</summary>
internal sealed record ImportError(int Row, string Column, string Message)
{
    public override string ToString() => $"row {Row}, column {Column}: {Message}";
}

/// <summary>A file turned into organisations and listings, or the problems that stop it.</summary>
internal sealed record ImportBatch(string Format, IReadOnlyList<ImportedOrganisation> Organisations, IReadOnlyList<ImportedListing> Listings, IReadOnlyList<ImportError> Errors);
