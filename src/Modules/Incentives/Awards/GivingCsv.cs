using System.Globalization;
using System.Text;
using Funeng.Kernel.Geography;

namespace Funeng.Incentives.Awards;

/// <summary>
/// The awards register as CSV in the 360Giving Data Standard's shape: its column titles for the fields an award
/// has (identifier, title, currency, amount awarded, award date, recipient and funding organisation, grant
/// programme, beneficiary location), then additional columns, which the standard allows, for what a Chinese
/// policy register adds: measure, basis, notice stage and end, amount clawed back. Identifiers use the
/// <c>360G-funeng-</c> prefix until the office registers a publisher prefix with 360Giving; a recipient with a
/// credit code is <c>CN-USCC-</c> and the code (an assumed org-id scheme: check it against org-id.guide before
/// publishing to 360Giving's registry), one without <c>360G-funeng-org-</c> and its id.
/// </summary>
internal static class GivingCsv
{
    public const string IdentifierPrefix = "360G-funeng-";

    public static readonly string[] Columns =
    [
        "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date",
        "Recipient Org:Identifier", "Recipient Org:Name", "Recipient Org:City", "Recipient Org:Country",
        "Beneficiary Location:Name", "Beneficiary Location:Country Code",
        "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Code", "Grant Programme:Title", "From an open call?",
        "Policy Measure", "Award Basis", "Notice Status", "Notice Ends (China Standard Time)", "Amount Clawed Back",
    ];

    public static byte[] Write(IReadOnlyList<AwardRegisterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder();
        Line(csv, Columns);
        foreach (var e in entries)
        {
            var city = e.City is null ? "" : GuangdongCities.Find(e.City)?.Name.Zh ?? e.City;
            Line(csv,
            [
                IdentifierPrefix + e.Id.ToString("D"), $"{e.ProgramNameZh}：{e.RecipientName}", $"{e.ProgramNameEn} ({e.Basis})", e.Currency,
                Money(e.Amount), e.AwardDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.RecipientCreditCode is { } code ? "CN-USCC-" + code : IdentifierPrefix + "org-" + e.RecipientOrganisationId.ToString("D"), e.RecipientName, city, "CN",
                city, "CN",
                IdentifierPrefix + "issuer-" + e.DocumentId, e.FundingOrgZh, e.ProgramId, e.ProgramNameZh, e.Basis == "BenchmarkDesignation" ? "No" : "Yes",
                e.Measure, e.Basis, e.Stage, e.NoticeEnds, Money(e.AmountClawedBack),
            ]);
        }

        // A BOM so that spreadsheet programs read the Chinese names as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Money(decimal yuan) => yuan.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) is opened with an apostrophe.</summary>
    private static string Cell(string value)
    {
        var text = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
