using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Funeng.Catalog;

/// <summary>Turns <see cref="CatalogValidationException"/> into a 400 validation problem naming each field, for every endpoint.</summary>
internal sealed class CatalogProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CatalogValidationException invalid)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(invalid.Errors) { Status = StatusCodes.Status400BadRequest },
        });
    }
}
