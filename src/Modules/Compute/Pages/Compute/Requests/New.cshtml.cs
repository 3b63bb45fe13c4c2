using System.Text.Json;
using Funeng.Compute.Jobs;
using Funeng.Compute.Registry;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute.Requests;

[Authorize(Roles = Roles.Enterprise)]
internal sealed class NewModel(RegistryQueries registry, VoucherQueries vouchers, SubmitRequest submit, JobTemplates templates) : PageModel, IShowsProblems
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public List<string> Accelerators { get; set; } = [];
    [BindProperty] public double? MinTflops { get; set; }
    [BindProperty] public double? MinMemoryGb { get; set; }
    [BindProperty] public int Devices { get; set; } = 1;
    [BindProperty] public double EstimatedHours { get; set; } = 1;
    /// <summary>The deadline as typed: a wall-clock time in China (the form says so), stored as the instant it names.</summary>
    [BindProperty] public DateTime? Deadline { get; set; }
    [BindProperty] public string DataCity { get; set; } = "guangzhou";
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public double? MaxLatencyMs { get; set; }
    [BindProperty] public decimal? Budget { get; set; }
    [BindProperty] public List<Guid> VoucherIds { get; set; } = [];
    [BindProperty] public string Template { get; set; } = JobTemplates.Reserve;

    /// <summary>The template's arguments, one <c>name=value</c> a line.</summary>
    [BindProperty] public string? Arguments { get; set; }

    public IReadOnlyList<JobTemplateView> Templates { get; private set; } = [];

    public IReadOnlyList<string> KnownAccelerators { get; private set; } = [];
    public IReadOnlyList<VoucherView> Vouchers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new SubmitRequestInput(Title, Accelerators, MinTflops, MinMemoryGb, Devices, EstimatedHours, null,
            Deadline is { } d ? ChinaTime.FromChina(d) : null, DataCity, MaxLatencyMs, Budget, VoucherIds,
            Template, ParseLines(Arguments), Sector: Sector);
        var id = await submit.ExecuteAsync(input, cancellationToken);
        return Redirect($"/compute/requests/{id}");
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Lines of <c>name=value</c> as the API's arguments object; the value keeps everything after the first '='.</summary>
    public static Dictionary<string, JsonElement> ParseLines(string? text)
    {
        var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (line.Trim(), "") : (line[..equals].Trim(), line[(equals + 1)..]);
            arguments[name] = JsonSerializer.SerializeToElement(value);
        }

        return arguments;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Templates = templates.List();
        KnownAccelerators = await registry.AcceleratorsAsync(cancellationToken);
        Vouchers = await vouchers.MineAsync(cancellationToken);
    }
}
