using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Catalog.Import;

/// <summary><c>POST /api/v1/catalog/imports</c> (multipart, field <c>file</c>; office staff): all or nothing.</summary>
internal static class ImportEndpoint
{
    public static async Task<Results<Ok<ImportResult>, UnprocessableEntity<ImportResult>>> HandleAsync(
        IFormFile? file, CatalogImporter importer, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw InvalidInputException.For("file", "catalog.import.no_file");
        }

        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(stream, file.FileName, null, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }
}
