using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Web;

/// <summary>Maps <see cref="DomainRuleException"/> to RFC 7807 problem details for every endpoint.</summary>
public sealed class DomainRuleProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not DomainRuleException rule)
        {
            return false;
        }

        httpContext.Response.StatusCode = rule.Status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = rule.Status,
                Title = rule.Message,
                Detail = rule.Message,
            },
        };
        if (rule.Field is not null)
        {
            context.ProblemDetails.Extensions["field"] = rule.Field;
        }

        return await problems.TryWriteAsync(context);
    }
}

/// <summary>Registration of the problem-details pipeline.</summary>
public static class ProblemMappingRegistration
{
    public static IServiceCollection AddFunengProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainRuleProblemHandler>();
        return services;
    }
}
