using Funeng.Compute.Data;
using Funeng.Compute.Registry;
using Funeng.Compute.Scheduling;
using Funeng.Compute.Simulation;
using Funeng.Kernel.Security;
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
internal sealed class SimulationsModel(ComputeDb db) : PageModel
{
    // A replay in the request thread must stay short; larger traces belong on the command line.
    public const long MaxTraceBytes = 2_000_000;

    public SimulationReport? Report { get; private set; }

    /// <summary>The node-level fragmentation experiment's curves, measured by bench/compute on the Alibaba v2023 cluster.</summary>
    public Nodes.FragmentationChart? Fragmentation { get; } = Nodes.FragmentationChart.Measured;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostResultAsync(IFormFile? result, CancellationToken cancellationToken)
    {
        if (result is null || result.Length == 0)
        {
            Error = "compute.sim.no-file";
            return Page();
        }

        using var reader = new StreamReader(result.OpenReadStream());
        var json = await reader.ReadToEndAsync(cancellationToken);
        Report = Read(() => SimulationReport.Parse(json), result.FileName);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(IFormFile? trace, string? format, CancellationToken cancellationToken)
    {
        if (trace is null || trace.Length == 0 || trace.Length > MaxTraceBytes)
        {
            Error = trace is null || trace.Length == 0 ? "compute.sim.no-file" : "compute.sim.too-large";
            return Page();
        }

        if (!TraceFormats.TryParse(format, out var traceFormat))
        {
            Error = "compute.sim.bad-format";
            return Page();
        }

        var centres = await ClusterSnapshot.LoadAsync(db, cancellationToken);
        if (centres.Count == 0)
        {
            Error = "compute.sim.no-centres";
            return Page();
        }

        var folder = Directory.CreateTempSubdirectory("funeng-sim-");
        try
        {
            var file = Path.Combine(folder.FullName, Path.GetFileName(trace.FileName));
            await using (var target = System.IO.File.Create(file))
            {
                await trace.CopyToAsync(target, cancellationToken);
            }

            var read = await ReadAsync(file, traceFormat, cancellationToken);
            Report = read is null ? null : SimulationReport.Run(trace.FileName, traceFormat, read, CentresPlan.From(centres), PolicyNames.All);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return Page();
    }

    private async Task<TraceReaders.Result?> ReadAsync(string file, TraceFormat format, CancellationToken cancellationToken)
    {
        try
        {
            return await TraceReaders.ReadAsync(file, format, cancellationToken);
        }
        catch (TraceFormatException e)
        {
            Error = e.Message;
            return null;
        }
    }

    private SimulationReport? Read(Func<SimulationReport> parse, string name)
    {
        try
        {
            return parse();
        }
        catch (TraceFormatException e)
        {
            Error = $"{name} {e.Where}: {e.Problem}";
            return null;
        }
    }
}
