using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Funeng.Kernel.Web;

/// <summary>
/// The one mapping from problems to RFC 7807 problem details for every endpoint, the same in Development and
/// Production: <see cref="InvalidInputException"/> and unreadable bodies, route and query values → 400 naming each
/// field; <see cref="DomainRuleException"/> → its 403/404/409/422 with the field; anything else → 500 with a
/// localised title and nothing of the exception.
/// </summary>
public sealed partial class ProblemMapping(IProblemDetailsService problems, UiText text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var culture = ProblemCulture.Of(httpContext);
        var details = Map(exception, text, culture);
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = details });
    }

    /// <summary>The problem details for <paramref name="exception"/>, or null when it is not a problem of the request.</summary>
    public static ProblemDetails? Map(Exception exception, UiText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (exception)
        {
            case InvalidInputException invalid:
                return Invalid(invalid.Describe(text, culture), StatusCodes.Status400BadRequest, text, culture);
            case DomainRuleException rule:
                var message = rule.Description.In(text, culture);
                var refused = new ProblemDetails { Status = rule.Status, Title = message, Detail = message };
                if (rule.Field is not null)
                {
                    refused.Extensions["field"] = rule.Field;
                }

                return refused;
            case BadHttpRequestException bad:
                var problem = Unreadable(bad);
                return Invalid(new() { [problem.Field] = [problem.Description.In(text, culture)] }, bad.StatusCode, text, culture);
            case JsonException json:
                var unreadable = FromJson(json, "body");
                return Invalid(new() { [unreadable.Field] = [unreadable.Description.In(text, culture)] }, StatusCodes.Status400BadRequest, text, culture);
            default:
                return null;
        }
    }

    /// <summary>
    /// The field and message for a request ASP.NET Core could not bind: the JSON path of a body value, the
    /// name of a route or query parameter, or <c>body</c> for a body that is missing or not JSON at all.
    /// </summary>
    public static FieldProblem Unreadable(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var match = ParameterName().Match(exception.Message);
        var parameter = match.Success ? match.Groups["name"].Value : null;
        var type = match.Success ? match.Groups["type"].Value : string.Empty;
        if (FindJson(exception) is { } json)
        {
            return FromJson(json, "body");
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => FieldProblem.Of("body", "problem.body.media"),
            StatusCodes.Status413PayloadTooLarge => FieldProblem.Of("body", "problem.body.too-large"),
            _ when exception.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) && parameter is not null =>
                FieldProblem.Of(parameter, ExpectedKey(type), BoundValue().Match(exception.Message) is { Success: true } v ? v.Groups["value"].Value : string.Empty),
            _ when exception.Message.StartsWith("Required parameter", StringComparison.Ordinal) && parameter is not null =>
                FieldProblem.Of(parameter, "problem.value.required"),
            _ when exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => FieldProblem.Of("body", "problem.body.missing"),
            _ => FieldProblem.Of(parameter ?? "request", "problem.request.unreadable"),
        };
    }

    private static HttpValidationProblemDetails Invalid(Dictionary<string, string[]> errors, int status, UiText text, CultureInfo culture) =>
        new HttpValidationProblemDetails(errors) { Status = status, Title = text.Get("problem.title.invalid", culture) };

    private static FieldProblem FromJson(JsonException json, string root)
    {
        var path = json.Path is null or "$" ? null : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        if (MissingMembers().Match(json.Message) is { Success: true } missing)
        {
            // RequiredJsonMembers: "... missing required properties including: 'roles'." names the member left out.
            var member = missing.Groups["name"].Value;
            return FieldProblem.Of(path is null or "" ? member : $"{path}.{member}", "problem.value.required");
        }

        return path is null or "" ? FieldProblem.Of(root, "problem.body.unreadable") : FieldProblem.Of(path, "problem.json.value");
    }

    private static JsonException? FindJson(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string ExpectedKey(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?')) switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" or "Int16" => "problem.value.whole-number",
        "decimal" or "double" or "float" or "Decimal" or "Double" or "Single" => "problem.value.number",
        "Guid" => "problem.value.id",
        "DateOnly" or "DateTime" or "DateTimeOffset" => "problem.value.date",
        "bool" or "Boolean" => "problem.value.boolean",
        _ => "problem.value.invalid",
    };

    [GeneratedRegex("parameter \"(?<type>[^\"]*?) ?(?<name>[^\" ]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    [GeneratedRegex("missing required properties including: '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingMembers();

    [GeneratedRegex("from \"(?<value>.*)\"\\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex BoundValue();
}

/// <summary>The reader's language for a problem, also before request localisation has run.</summary>
public static class ProblemCulture
{
    public static CultureInfo Of(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            return feature.RequestCulture.UICulture;
        }

        var options = httpContext.RequestServices.GetService<IOptions<RequestLocalizationOptions>>()?.Value;
        foreach (var provider in options?.RequestCultureProviders ?? [])
        {
            var chosen = provider.DetermineProviderCultureResult(httpContext).GetAwaiter().GetResult();
            var name = chosen?.UICultures.FirstOrDefault().Value;
            if (name is not null && UiCultures.All.Contains(name))
            {
                return CultureInfo.GetCultureInfo(name);
            }
        }

        return CultureInfo.GetCultureInfo(UiCultures.Chinese);
    }
}

/// <summary>Registration of the problem-details pipeline.</summary>
public static class ProblemMappingRegistration
{
    /// <summary>The longest request line Kestrel reads (its default is 8 KB; a query of 3,000 Chinese characters is about 27 KB encoded).</summary>
    public const int MaxRequestLineBytes = 32 * 1024;

    public static IServiceCollection AddFunengProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Finish);
        services.AddExceptionHandler<ProblemMapping>();
        // Bad route, query and body values throw (as they do in Development) so that ProblemMapping can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver = JsonTypeInfoResolver.WithAddedModifier(
            o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(), RequiredJsonMembers.Apply));
        // A message inside an API answer (an eligibility trace's step) is told in the reader's language, not as a key.
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>()
            .Configure<UiText>((o, text) => o.SerializerOptions.Converters.Add(new ProblemMessageJsonConverter(text)));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = MaxRequestLineBytes);
        services.AddSingleton<IStartupFilter, QueryLengthLimit>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new ProblemsPageFilter()));
        return services;
    }

    /// <summary>Every problem the host writes: a localised title for a 500, and never anything of the exception.</summary>
    private static void Finish(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        foreach (var key in details.Extensions.Keys.Where(k => k is "exception" or "stackTrace" or "innerException").ToList())
        {
            details.Extensions.Remove(key);
        }

        if (details.Status is null or >= 500)
        {
            var text = context.HttpContext.RequestServices.GetService<UiText>();
            if (text is not null)
            {
                var culture = ProblemCulture.Of(context.HttpContext);
                details.Title = text.Get("problem.unexpected", culture);
                details.Detail = null;
            }
        }
    }
}
