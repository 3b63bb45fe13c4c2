using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Pages;

/// <summary>
/// What the module's pages share: a business rule broken by a form post comes back as a message on the page it
/// returns to (post, redirect, get), the same rule text the API returns as a problem.
/// </summary>
internal abstract class ScenariosPage : PageModel
{
    [TempData]
    public string? Error { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>A rule's message in the reader's language, e.g. why a step is not offered now.</summary>
    public string Tell(ProblemMessage message) =>
        message.In(HttpContext.RequestServices.GetRequiredService<UiText>(), CultureInfo.CurrentUICulture);

    protected async Task<IActionResult> TryAsync(Func<Task> action, string doneKey, Func<IActionResult> then)
    {
        try
        {
            await action();
            Done = doneKey;
        }
        catch (DomainRuleException e)
        {
            // Told in the reader's language (a keyed refusal's Message is its key, for logs).
            Error = Tell(e.Description);
        }

        return then();
    }
}
