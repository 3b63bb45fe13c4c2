using System.Net;
using System.Text.RegularExpressions;

namespace Funeng.TestSupport;

/// <summary>The office's audit page (<c>/account/audit</c>) read as text, row by row, in the language it was asked for.</summary>
public static partial class AuditPage
{
    /// <summary>One entry as the page shows it: its sequence, when (China Standard Time) and who, the action's label and code, the record's label and id, the details.</summary>
    public sealed record Row(long Sequence, string When, string Who, string Action, string Record, string Details);

    /// <summary>Reads the page in <paramref name="culture"/> (zh-CN or en) with a signed-in office client.</summary>
    public static async Task<IReadOnlyList<Row>> ReadAsync(HttpClient office, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(new Uri($"/account/audit?culture={culture}", UriKind.Relative), cancellationToken));
        if (page.Contains(Kernel.Localization.UiText.MissingMarker[0]))
        {
            throw new InvalidOperationException("The audit page shows a missing strings.json key.");
        }

        return [.. Rows().Matches(page).Select(m => new Row(
            long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Cell(m.Value, "when"), Cell(m.Value, "who"), Cell(m.Value, "action"), Cell(m.Value, "entity"), Cell(m.Value, "details")))];
    }

    private static string Cell(string row, string id) =>
        Spaces().Replace(Tags().Replace(Regex.Match(row, $"data-testid=\"audit-{id}\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value, " "), " ").Trim();

    [GeneratedRegex("<tr data-sequence=\"(\\d+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
