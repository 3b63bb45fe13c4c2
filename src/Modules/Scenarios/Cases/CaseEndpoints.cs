using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Funeng.Scenarios.Cases;

/// <summary>
/// <c>POST /api/v1/scenarios/{id}/case</c> writes up a case, <c>GET /api/v1/cases</c> lists them and
/// <c>POST /api/v1/cases/{id}/benchmark</c> designates a benchmark case; each calls <see cref="CaseCommands"/>.
/// </summary>
internal static class CaseEndpoints
{
    public static async Task<Created<CaseView>> HandleCreateAsync(Guid id, CreateCaseRequest request, CaseCommands cases, CancellationToken cancellationToken)
    {
        var caseId = await cases.CreateAsync(id, request, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{caseId}", (await cases.ListAsync(cancellationToken)).Single(c => c.Id == caseId));
    }

    public static async Task<NoContent> HandleDesignateAsync(Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DesignateRequest? request, CaseCommands cases, CancellationToken cancellationToken)
    {
        await cases.DesignateAsync(id, request, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<CaseView>>> HandleListAsync(CaseCommands cases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cases.ListAsync(cancellationToken));
}
