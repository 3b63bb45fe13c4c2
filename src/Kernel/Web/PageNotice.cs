using System.Globalization;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Web;

/// <summary>
/// The one way a page confirms a change: the handler tells what happened (a <c>strings.json</c> key with its
/// arguments) and redirects; the layout shows it once, on the page the browser lands on, as a <c>role="status"</c>
/// notice in the reader's language. Refusals are the other half and go through <see cref="ProblemsPageFilter"/>.
/// </summary>
/// <remarks>
/// The text is rendered in both languages when told (money and China Standard Time are formatted then) and kept in
/// TempData as two plain strings under keys of its own: the cookie serializer keeps strings as they are, and a page's
/// own <c>[TempData]</c> properties cannot collide with them. Nothing is written for a request that told nothing, so
/// anonymous pages stay cookie-free (see the web host's QuietTempData).
/// </remarks>
public static class PageNotice
{
    private const string ChineseKey = "funeng.notice.zh";
    private const string EnglishKey = "funeng.notice.en";

    /// <summary>Keeps <paramref name="message"/> for the next page the person sees (or this one, if it renders).</summary>
    public static void Tell(this PageModel page, ProblemMessage message)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(message);
        var both = message.Both(page.HttpContext.RequestServices.GetRequiredService<UiText>());
        page.TempData[ChineseKey] = both.Zh;
        page.TempData[EnglishKey] = both.En;
    }

    /// <summary>The notice told for this reader, in their language, or null; reading it uses it up.</summary>
    public static string? Take(ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        // Reading marks both values for deletion at the end of this request, so the notice is shown once.
        if (!tempData.TryGetValue(ChineseKey, out var chinese))
        {
            return null;
        }

        var (zh, en) = (chinese as string, tempData[EnglishKey] as string);
        return new LocalizedText(zh ?? en ?? "", en ?? zh ?? "").In(CultureInfo.CurrentUICulture);
    }
}
