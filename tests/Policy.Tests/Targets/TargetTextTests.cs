using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Policy.Tests.Targets;

public sealed class TargetTextTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(PolicyModule).Assembly)]);

    private static PolicyTarget Target(Comparator comparator, decimal value, TargetUnit unit, string? per = null) => new(
        "t", "p", TargetKind.Goal, "i", new LocalizedText("指标", "Indicator"), comparator, value, unit, per, 2027, "province", false, null, null, null,
        new LocalizedText("文件", "Document"), new MeasureReference("d", "1", new LocalizedText("措施", "Measure"), "s.txt"));

    [Theory]
    [InlineData(Comparator.MoreThan, 300_000_000_000, TargetUnit.Cny, null, "> 3,000亿元", "> RMB 300 bn")]
    [InlineData(Comparator.MoreThan, 40, TargetUnit.Eflops, null, "> 40 EFLOPS", "> 40 EFLOPS")]
    [InlineData(Comparator.AtLeast, 1_900_000_000_000, TargetUnit.Cny, null, "≥ 1.9万亿元", "≥ RMB 1.9 tn")]
    [InlineData(Comparator.AtMost, 8_000_000, TargetUnit.Cny, "case", "≤ 800万元/案例", "≤ RMB 8 M per case")]
    [InlineData(Comparator.AtMost, 10, TargetUnit.Count, "year", "≤ 10个/年", "≤ 10 a year")]
    [InlineData(Comparator.MoreThan, 3_500_000, TargetUnit.Vehicles, "year", "> 350万辆/年", "> 3.5 M vehicles a year")]
    [InlineData(Comparator.AtLeast, 50, TargetUnit.Percent, null, "≥ 50%", "≥ 50%")]
    [InlineData(Comparator.MultipleOfBaseline, 2, TargetUnit.Ratio, null, "基数的 2 倍", "× 2 of baseline")]
    [InlineData(Comparator.AtMost, 20, TargetUnit.Milliseconds, "project", "≤ 20 毫秒/项目", "≤ 20 ms per project")]
    public void Writes_figures_as_each_language_does(Comparator comparator, decimal value, TargetUnit unit, string? per, string zh, string en)
    {
        var target = Target(comparator, value, unit, per);
        Assert.Equal(zh, TargetText.Describe(target, Text, new CultureInfo("zh-CN")));
        Assert.Equal(en, TargetText.Describe(target, Text, new CultureInfo("en")));
    }
}
