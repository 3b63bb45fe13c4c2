using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Pages;

/// <summary>
/// What the module's pages share: a business rule broken by a form post comes back as a message on the page it
/// returns to (post, redirect, get), the same rule text the API returns as a problem; a success is confirmed by the
/// layout's notice (<see cref="PageNotice"/>), as on every module's pages.
/// </summary>
internal abstract class ScenariosPage : PageModel
{
    [TempData]
    public string? Error { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>A rule's message in the reader's language, e.g. why a step is not offered now.</summary>
    /// <remarks>Not named <c>Tell</c>: an instance method of that name would hide <see cref="PageNotice.Tell"/>, and
    /// <see cref="Confirm"/> would then translate the notice and drop it.</remarks>
    public string InReadersLanguage(ProblemMessage message) =>
        message.In(HttpContext.RequestServices.GetRequiredService<UiText>(), CultureInfo.CurrentUICulture);

    protected async Task<IActionResult> TryAsync(Func<Task> action, string doneKey, Func<IActionResult> then)
    {
        try
        {
            await action();
            Confirm(doneKey);
        }
        catch (DomainRuleException e)
        {
            // Told in the reader's language (a keyed refusal's Message is its key, for logs).
            Error = InReadersLanguage(e.Description);
        }

        return then();
    }

    /// <summary>Tells the person, on the page they land on, that the change was made (a <c>strings.json</c> key).</summary>
    protected void Confirm(string doneKey) => PageNotice.Tell(this, ProblemMessage.Of(doneKey));
}
