namespace Funeng.Index.Observations;

/// <summary>An import: read and check the whole file, then write every row in one transaction, or none.</summary>
internal sealed class ImportObservations(RecordObservations recorder)
{
    public async Task<int> ImportAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var rows = ObservationFile.Read(content, fileName);
        var written = await recorder.RecordAsync(rows.Select(r => r.Observation).ToList(), "import", cancellationToken, rows.Select(r => r.Row).ToList());
        return written.Count;
    }
}
