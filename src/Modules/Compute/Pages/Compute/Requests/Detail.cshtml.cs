using Funeng.Compute.Jobs;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute.Requests;

[Authorize]
internal sealed class DetailModel(RequestQueries requests, VoucherQueries vouchers, CancelRequest cancel, JobTemplates templates) : PageModel, IShowsProblems
{
    private Guid _id;

    public RequestView Job { get; private set; } = null!;

    public IReadOnlyList<VoucherView> Vouchers { get; private set; } = [];

    /// <summary>The request's job template by its title (its name when the template is no longer registered).</summary>
    public LocalizedText TemplateTitle { get; private set; } = LocalizedText.Of("", "");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        _id = id;
        if (!await cancel.ExecuteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await LoadAsync(id, cancellationToken);
        this.Tell(ProblemMessage.Of("compute.done.cancelled", Job.Title));
        return Page();
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(_id, cancellationToken);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        var (view, owner) = found;

        Job = view;
        TemplateTitle = templates.List().FirstOrDefault(t => t.Name == view.JobTemplate) is { } template
            ? LocalizedText.Of(template.TitleZh, template.TitleEn)
            : LocalizedText.Of(view.JobTemplate, view.JobTemplate);
        Vouchers = await vouchers.HeldByAsync(owner, cancellationToken);
        return true;
    }
}
