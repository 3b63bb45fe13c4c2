using Funeng.Compute.Engines;
using Funeng.Compute.Registry;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Compute.Nodes;

/// <summary>The nodes one engine of a centre reports (a Slurm pool: its cluster's nodes and their GPUs).</summary>
internal sealed record EngineNodes(string Engine, IReadOnlyList<ReportedNode> Nodes);

/// <summary><c>GET /api/v1/compute/centres/{id}/nodes</c>: what the engines of a centre's pools report about their nodes.</summary>
internal static class CentreNodes
{
    public static async Task<Results<Ok<IReadOnlyList<EngineNodes>>, NotFound, ForbidHttpResult, ProblemHttpResult>> HandleAsync(
        Guid id, RegistryQueries registry, EngineDirectory engines, UiText text, CancellationToken cancellationToken)
    {
        if (await registry.EnginesAsync(id, cancellationToken) is not { } centre)
        {
            return TypedResults.NotFound();
        }

        // Another organisation's cluster is not the operator's to inspect (the authorisation matrix found this).
        if (!centre.MayOperate)
        {
            return TypedResults.Forbid();
        }

        var reports = new List<EngineNodes>();
        foreach (var name in centre.Engines)
        {
            if (engines.Get(name) is not INodeInventory inventory)
            {
                continue;
            }

            try
            {
                reports.Add(new EngineNodes(name, await inventory.ListNodesAsync(cancellationToken)));
            }
            catch (EngineException e)
            {
                // The title is the reader's; the detail is the engine's own output (sinfo's error), for the operator to act on.
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway,
                    title: text.Format("compute.problem.engine-silent", ComputeLabels.Engine(text, name)));
            }
        }

        return TypedResults.Ok<IReadOnlyList<EngineNodes>>(reports);
    }
}
