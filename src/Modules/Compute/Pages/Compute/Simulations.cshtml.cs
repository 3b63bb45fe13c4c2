using Funeng.Compute.Registry;
using Funeng.Compute.Scheduling;
using Funeng.Compute.Simulation;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute;

/// <summary>
/// Side-by-side policies for planning: office staff upload a result written by <c>funeng compute simulate</c>, or
/// replay a small trace here across the registered centres. Nothing is stored; the page shows what it was given.
/// </summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class SimulationsModel(RegistryQueries registry) : PageModel, IShowsProblems
{
    // A replay in the request thread must stay short; larger traces belong on the command line.
    public const long MaxTraceBytes = 2_000_000;

    public SimulationReport? Report { get; private set; }

    /// <summary>The node-level fragmentation experiment's curves, measured by bench/compute on the Alibaba v2023 cluster.</summary>
    public Nodes.FragmentationChart? Fragmentation { get; } = Nodes.FragmentationChart.Measured;

    // The page shows only what it was given, so there is nothing to load again after a refused file.
    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IActionResult> OnPostResultAsync(IFormFile? result, CancellationToken cancellationToken)
    {
        if (result is null || result.Length == 0)
        {
            throw InvalidInputException.For("result", "compute.sim.no-file");
        }

        using var reader = new StreamReader(result.OpenReadStream());
        var json = await reader.ReadToEndAsync(cancellationToken);
        Report = SimulationReport.Parse(json, result.FileName);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(IFormFile? trace, string? format, CancellationToken cancellationToken)
    {
        if (trace is null || trace.Length == 0)
        {
            throw InvalidInputException.For("trace", "compute.sim.no-file");
        }

        if (trace.Length > MaxTraceBytes)
        {
            throw InvalidInputException.For("trace", "compute.sim.too-large");
        }

        if (!TraceFormats.TryParse(format, out var traceFormat))
        {
            throw InvalidInputException.For("format", "compute.sim.bad-format");
        }

        var centres = await registry.ClusterAsync(cancellationToken);
        if (centres.Count == 0)
        {
            throw new DomainRuleException(ProblemMessage.Of("compute.sim.no-centres"), "trace", 409);
        }

        var folder = Directory.CreateTempSubdirectory("funeng-sim-");
        try
        {
            var file = Path.Combine(folder.FullName, Path.GetFileName(trace.FileName));
            await using (var target = System.IO.File.Create(file))
            {
                await trace.CopyToAsync(target, cancellationToken);
            }

            var read = await TraceReaders.ReadAsync(file, traceFormat, cancellationToken);
            Report = SimulationReport.Run(trace.FileName, traceFormat, read, CentresPlan.From(centres), PolicyNames.All);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return Page();
    }
}
