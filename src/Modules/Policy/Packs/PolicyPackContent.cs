using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Policy.Packs;

/// <summary>A policy pack as read and validated from its files, before it is written to the database.</summary>
internal sealed record PolicyPackContent(string Id, string Version, LocalizedText Name, string ContentHash, IReadOnlyList<DocumentContent> Documents);

internal sealed record DocumentContent(
    string Id,
    LocalizedText Title,
    LocalizedText Issuer,
    DateOnly Issued,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string Scope,
    string SourceFile,
    LocalizedText? Note,
    IReadOnlyList<MeasureContent> Measures,
    IReadOnlyList<TargetContent> Targets);

internal sealed record MeasureContent(string Number, LocalizedText Title, LocalizedText Summary, string SourceFile);

internal sealed record TargetContent(
    string Id,
    TargetKind Kind,
    string Indicator,
    LocalizedText Name,
    Comparator Comparator,
    decimal Value,
    TargetUnit Unit,
    string? Per,
    int? Year,
    string Scope,
    string Measure,
    bool Headline,
    LocalizedText? Note,
    TargetCounting Counting);
