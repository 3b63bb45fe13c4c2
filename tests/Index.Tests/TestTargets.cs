using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Tests;

/// <summary>Policy targets as a pack would state them, for the rules and for Index's fake of Policy.</summary>
internal static class TestTargets
{
    public static PolicyTarget Of(string indicator, decimal value, int year, TargetCounting counting, TargetKind kind = TargetKind.Goal,
        string scope = "province", Comparator comparator = Comparator.MoreThan, string id = "t") => new(
        id, "pack", kind, indicator, new LocalizedText("目标", "Target"), comparator, value, TargetUnit.Count, null, year, scope, true,
        null, new DateOnly(2024, 6, 6), null, new LocalizedText("文件", "Document"), new MeasureReference("doc", "1", new LocalizedText("措施", "Measure"), "file"), counting);
}
