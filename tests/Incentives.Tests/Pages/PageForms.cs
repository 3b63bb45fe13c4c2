using System.Net;
using System.Text.RegularExpressions;

namespace Funeng.Incentives.Tests.Pages;

/// <summary>Posts a page's form as a browser without JavaScript would: first GET the page for its antiforgery token.</summary>
internal static partial class PageForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(page, TestContext.Current.CancellationToken);
        var token = Token().Match(html);
        Assert.True(token.Success, $"{page} has no antiforgery token");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
