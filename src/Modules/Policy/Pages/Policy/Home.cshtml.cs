using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Policy.Pages.Policy;

/// <summary>The public home page: the pack's headline targets with the measures they come from.</summary>
internal sealed class HomeModel(IPolicyQueries policy) : PageModel
{
    public IReadOnlyList<PolicyTarget> Headline { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Headline = await policy.ListTargetsAsync(new TargetFilter(HeadlineOnly: true), cancellationToken);
}
