namespace Funeng.Catalog;

/// <summary>Input that fails validation, with problems by field; endpoints and pages show them next to the fields.</summary>
internal sealed class CatalogValidationException(Dictionary<string, string[]> errors)
    : Exception("Invalid fields: " + string.Join(", ", errors.Keys))
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}
