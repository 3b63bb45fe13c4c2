using Funeng.Index.Observations;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Index.Pages.Index;

/// <summary>Upload a CSV or Excel file of observations: all rows are written, or none and a report by row and column.</summary>
[Authorize(Roles = Roles.OfficeStaff + "," + Roles.CityStaff)]
internal sealed class ImportModel(ImportObservations importer) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ObservationError> Errors { get; private set; } = [];

    public int? Imported { get; private set; }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0 || Upload.Length > MaxBytes)
        {
            Errors = [new ObservationError(null, "file", "choose a .csv or .xlsx file of at most 5 MB")];
            return;
        }

        try
        {
            await using var stream = Upload.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            Imported = await importer.ImportAsync(buffer, Upload.FileName, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            Errors = ObservationError.Among(e);
        }
    }
}
