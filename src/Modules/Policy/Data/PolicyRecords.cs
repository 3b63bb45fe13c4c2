namespace Funeng.Policy.Data;

internal sealed class PackRecord
{
    public string Id { get; set; } = "";

    public string Version { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>SHA-256 of the pack's files, so re-importing unchanged files is a no-op.</summary>
    public string ContentHash { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class DocumentRecord
{
    public string PackId { get; set; } = "";

    public string Id { get; set; } = "";

    public int Position { get; set; }

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string IssuerZh { get; set; } = "";

    public string IssuerEn { get; set; } = "";

    public DateOnly Issued { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string Scope { get; set; } = "";

    public string SourceFile { get; set; } = "";

    public string? NoteZh { get; set; }

    public string? NoteEn { get; set; }
}

internal sealed class MeasureRecord
{
    public int Id { get; set; }

    public string PackId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public int Position { get; set; }

    public string Number { get; set; } = "";

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string SummaryZh { get; set; } = "";

    public string SummaryEn { get; set; } = "";

    public string SourceFile { get; set; } = "";
}

internal sealed class TargetRecord
{
    public string PackId { get; set; } = "";

    public string Id { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public int Position { get; set; }

    public string Kind { get; set; } = "";

    public string Indicator { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string Comparator { get; set; } = "";

    public decimal Value { get; set; }

    public string Unit { get; set; } = "";

    public string? Per { get; set; }

    public int? Year { get; set; }

    public string Scope { get; set; } = "";

    public string MeasureNumber { get; set; } = "";

    public bool Headline { get; set; }

    /// <summary>A <see cref="Contracts.TargetCounting"/> name.</summary>
    public string Counting { get; set; } = nameof(Contracts.TargetCounting.Level);

    public string? NoteZh { get; set; }

    public string? NoteEn { get; set; }
}
