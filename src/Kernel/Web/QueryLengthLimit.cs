using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Web;

/// <summary>
/// Refuses a query string longer than <see cref="MaxCharacters"/> (after decoding) with a 414 problem that names
/// the limit, before any endpoint or page reads it. Kestrel's own request-line limit is raised to
/// <see cref="ProblemMappingRegistration.MaxRequestLineBytes"/> so that this answer, not Kestrel's bare one, is
/// what a client sees for any query Kestrel accepts.
/// </summary>
public sealed class QueryLengthLimit : IStartupFilter
{
    /// <summary>The longest query string, in characters after decoding.</summary>
    public const int MaxCharacters = 2048;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            var raw = context.Request.QueryString.Value;
            if (raw is { Length: > MaxCharacters } && Decoded(raw) is var length && length > MaxCharacters)
            {
                var text = context.RequestServices.GetRequiredService<UiText>();
                var culture = ProblemCulture.Of(context);
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                    {
                        ["query"] = [UiTemplate.Fill(culture, text.Get("problem.query.too-long", culture), length, MaxCharacters)],
                    })
                    {
                        Status = StatusCodes.Status414UriTooLong,
                        Title = text.Get("problem.title.invalid", culture),
                    },
                });
                return;
            }

            await following(context);
        });
        next(app);
    };

    private static int Decoded(string query)
    {
        try
        {
            return Uri.UnescapeDataString(query.Replace('+', ' ')).Length;
        }
        catch (UriFormatException)
        {
            return query.Length;
        }
    }
}
