using System.Globalization;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Web;

/// <summary>
/// A page that can show itself again after a handler refused its input: the filter calls <see cref="ReloadAsync"/>
/// (load what the page shows, as its GET handler does) and renders the page with the problems.
/// </summary>
public interface IShowsProblems
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>The problems of the current request, by field and in order, as the layout's summary shows them.</summary>
public sealed class PageProblems
{
    private readonly List<(string Field, string Message)> _all = [];

    public IReadOnlyList<(string Field, string Message)> All => _all;

    /// <summary>The messages for one field, for showing next to it.</summary>
    public IEnumerable<string> For(string field) => _all.Where(p => p.Field == field).Select(p => p.Message);

    /// <summary>The problems of <paramref name="context"/>, or none.</summary>
    public static PageProblems Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<PageProblems>() ?? new PageProblems();
    }

    internal void Add(string field, string message) => _all.Add((field, message));
}

/// <summary>
/// The one way pages show problems: when a page handler throws <see cref="InvalidInputException"/> or
/// <see cref="DomainRuleException"/>, the problems go into the model state by field and into
/// <see cref="PageProblems"/> (the layout's summary), and the page is shown again with status 400 (or the
/// rule's status). Pages implement <see cref="IShowsProblems"/> to reload what they show; a page that does not
/// gets the problem details of <see cref="ProblemMapping"/> instead.
/// </summary>
public sealed class ProblemsPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not (InvalidInputException or DomainRuleException)
            || executed.HandlerInstance is not IShowsProblems page)
        {
            return;
        }

        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<UiText>();
        var culture = CultureInfo.CurrentUICulture;
        var problems = http.Features.Get<PageProblems>() ?? new PageProblems();
        int status;
        if (executed.Exception is InvalidInputException invalid)
        {
            foreach (var problem in invalid.Problems)
            {
                problems.Add(problem.Location, problem.Description.In(text, culture));
            }

            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            var rule = (DomainRuleException)executed.Exception;
            problems.Add(rule.Field ?? string.Empty, rule.Description.In(text, culture));
            status = rule.Status;
        }

        foreach (var (field, message) in problems.All)
        {
            executed.ModelState.AddModelError(field, message);
        }

        http.Features.Set(problems);
        await page.ReloadAsync(http.RequestAborted);
        http.Response.StatusCode = status;
        executed.Result = new PageResult();
        executed.ExceptionHandled = true;
    }
}
