using Funeng.Kernel.Web;

namespace Funeng.Index.Observations;

/// <summary>What an import wrote, and what the reader did that the importer should know (a GBK file converted to UTF-8).</summary>
internal sealed record ObservationImport(int Imported, IReadOnlyList<ProblemMessage> Notes);

/// <summary>An import: read and check the whole file, then write every row in one transaction, or none.</summary>
internal sealed class ImportObservations(RecordObservations recorder)
{
    public async Task<ObservationImport> ImportAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var file = await ObservationFile.ReadAsync(content, fileName, cancellationToken);
        var written = await recorder.RecordAsync(file.Rows.Select(r => r.Observation).ToList(), "import", cancellationToken, file.Rows.Select(r => r.Row).ToList());
        return new ObservationImport(written.Count, file.Notes);
    }
}
