using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Challenges;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>Office staff turn a published scenario into a Challenge and Lead call.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class NewChallengeModel(CreateChallenge create, TimeProvider clock, UiText text) : ScenariosPage
{
    [BindProperty(SupportsGet = true)] public Guid Scenario { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Requirements { get; set; }

    [BindProperty] public string? Eligibility { get; set; }

    /// <summary>Entered and shown in China Standard Time; stored as the UTC instant.</summary>
    [BindProperty] public DateTime Deadline { get; set; }

    [BindProperty] public string? AwardDescription { get; set; }

    [BindProperty] public decimal AwardAmount { get; set; }

    /// <summary>One criterion a line: "name | weight".</summary>
    [BindProperty] public string? Criteria { get; set; }

    [BindProperty] public string? Phases { get; set; }

    public void OnGet()
    {
        Deadline = ChinaTime.ToChina(clock.GetUtcNow()).AddDays(30).Date.AddHours(17);
        Criteria = text["scenarios.challenges.default-criteria"];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var criteria = new List<CriterionRequest>();
        foreach (var line in (Criteria ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var weight = parts.Length == 2 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var w) ? w : 0;
            criteria.Add(new CriterionRequest(parts[0], weight));
        }

        var phases = (Phases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var request = new CreateChallengeRequest(Title, Requirements, Eligibility, ChinaTime.FromChina(Deadline),
            AwardDescription, AwardAmount, [Scenario], criteria, phases);
        try
        {
            var (id, errors) = await create.ExecuteAsync(request, cancellationToken);
            Errors = errors;
            if (id is null)
            {
                return Page();
            }

            Confirm("scenarios.challenges.created");
            return Redirect($"/scenarios/challenges/{id}");
        }
        catch (Kernel.Web.DomainRuleException e)
        {
            Error = e.InReadersLanguage(HttpContext);
            return Page();
        }
    }
}
