using Funeng.Catalog.Contracts;
using Funeng.Catalog.Organisations;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>A member keeps their own organisation's profile and adds its qualifications (plain forms, errors by field).</summary>
[Authorize]
internal sealed class ProfileModel(OrganisationRecords organisations, OrganisationProfiles profiles, IOrganisationDirectory directory, IActor actor) : PageModel
{
    public ProfileInput Input { get; private set; } = new(null, null, null, null, null, null, [], null, null, null, null, null, null);

    public QualificationInput Qualification { get; private set; } = new(null, null, null, null, null, null);

    public IReadOnlyList<QualificationSummary> Qualifications { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>Which form the errors belong to: "profile" or "qualification".</summary>
    public string? Form { get; private set; }

    public Guid OrganisationId => actor.OrganisationId!.Value;

    /// <summary>Fields whose problems have a message in both languages (strings <c>catalog.profile.invalid.FIELD</c>); others show the rule's text.</summary>
    public static IReadOnlySet<string> TranslatedProblems { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "legalNameZh", "creditCode", "citySlug", "size", "sectors", "contactEmail", "kind", "issuer", "validFrom", "validTo", "evidence",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is null)
        {
            return NotFound();
        }

        var record = await organisations.FindAsync(OrganisationId, cancellationToken);
        if (record is null)
        {
            var known = await directory.FindAsync(OrganisationId, cancellationToken);
            Input = Input with { LegalNameZh = known?.NameZh, LegalNameEn = known?.NameEn, CitySlug = known?.CitySlug };
            return Page();
        }

        Qualifications = [.. record.Qualifications.OrderByDescending(q => q.ValidFrom).Select(q => new QualificationSummary(q.Kind, q.Issuer, q.ValidFrom, q.ValidTo))];
        Input = new ProfileInput(record.LegalNameZh, record.LegalNameEn, record.CreditCode, record.CitySlug, record.District, record.Size, record.Sectors,
            record.ContactName, record.ContactEmail, record.ContactPhone, record.Website, record.DescriptionZh, record.DescriptionEn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var f = Request.Form;
        var input = new ProfileInput(f["legalNameZh"], f["legalNameEn"], f["creditCode"], f["citySlug"], f["district"], f["size"],
            f["sectors"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList(), f["contactName"], f["contactEmail"], f["contactPhone"],
            f["website"], f["descriptionZh"], f["descriptionEn"]);
        return await TryAsync("profile", () => profiles.SaveAsync(OrganisationId, input, cancellationToken), () => Input = input, cancellationToken);
    }

    public async Task<IActionResult> OnPostQualificationAsync(string? kind, string? issuer, string? certificateNumber, DateOnly? validFrom, DateOnly? validTo, string? evidence, CancellationToken cancellationToken)
    {
        var input = new QualificationInput(kind, issuer, certificateNumber, validFrom, validTo, evidence);
        return await TryAsync("qualification", () => profiles.AddQualificationAsync(OrganisationId, input, cancellationToken), () => Qualification = input, cancellationToken);
    }

    private async Task<IActionResult> TryAsync(string form, Func<Task> save, Action keepInput, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is null)
        {
            return NotFound();
        }

        try
        {
            await save();
            return Redirect("/catalog/profile?saved=" + form);
        }
        catch (InvalidInputException e)
        {
            Errors = e.InReadersLanguage(HttpContext);
        }
        catch (DomainRuleException e)
        {
            Errors[e.Field ?? form] = [e.InReadersLanguage(HttpContext)];
        }

        Form = form;
        await OnGetAsync(cancellationToken);
        keepInput();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
