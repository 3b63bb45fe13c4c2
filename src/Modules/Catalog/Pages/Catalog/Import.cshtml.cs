using Funeng.Catalog.Import;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>Office staff import a CSV or .xlsx file; a refused file lists every problem by row and column.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class ImportModel(CatalogImporter importer) : PageModel
{
    public ImportResult? Result { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Problem = "file";
            return;
        }

        await using var stream = file.OpenReadStream();
        try
        {
            Result = await importer.ImportAsync(stream, file.FileName, null, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            Problem = string.Join(" ", e.InReadersLanguage(HttpContext).SelectMany(f => f.Value));
        }
    }
}
