using Funeng.Index.Observations;
using Funeng.Kernel.DataFiles;
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
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ObservationError> Errors { get; private set; } = [];

    public int? Imported { get; private set; }

    /// <summary>What the reader did that the importer should know (a GBK file converted to UTF-8).</summary>
    public IReadOnlyList<ProblemMessage> Notes { get; private set; } = [];

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = [ObservationError.Of(null, "file", "index.problem.choose-file")];
            return;
        }

        try
        {
            if (Upload.Length > UploadedFiles.MaxBytes)
            {
                throw UploadedFiles.TooLarge(Upload.FileName);
            }

            await using var stream = Upload.OpenReadStream();
            var import = await importer.ImportAsync(stream, Upload.FileName, cancellationToken);
            (Imported, Notes) = (import.Imported, import.Notes);
        }
        catch (InvalidInputException e)
        {
            Errors = ObservationError.Among(e);
        }
    }
}
