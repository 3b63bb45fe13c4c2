using Funeng.Incentives.Applications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>An application's status page, found by receipt number (or id): every step, who holds it now and since when.</summary>
[Authorize]
internal sealed class ApplicationModel(TrackApplication track) : PageModel
{
    public ApplicationTrack Track { get; private set; } = null!;

    /// <summary>Shown once, right after submitting: the receipt number to quote.</summary>
    public bool JustSubmitted { get; private set; }

    public async Task OnGetAsync(string key, bool submitted, CancellationToken cancellationToken)
    {
        Track = await track.TrackAsync(key, cancellationToken);
        JustSubmitted = submitted;
    }
}
