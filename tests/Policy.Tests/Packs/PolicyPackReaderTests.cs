using System.Globalization;
using System.Text.RegularExpressions;
using Funeng.Kernel;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Funeng.Policy.Packs;

namespace Funeng.Policy.Tests.Packs;

public sealed class PolicyPackReaderTests
{
    private const string Measures2024 = "documents/gd-2024-ai-empowerment.yaml";

    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly), new UiStringSource(typeof(PolicyModule).Assembly)]);

    [Fact]
    public void The_Guangdong_pack_is_valid_and_holds_every_required_figure()
    {
        var pack = PolicyPackReader.Read(GuangdongPack.Directory);
        var targets = pack.Documents.SelectMany(d => d.Targets.Select(t => (Document: d, Target: t))).ToList();
        foreach (var required in GuangdongPack.RequiredTargets)
        {
            var match = targets.SingleOrDefault(x => x.Target.Indicator == required.Indicator && x.Target.Year == required.Year);
            Assert.True(match.Target is not null, $"missing {required.Indicator} {required.Year}");
            Assert.Equal(required.Value, match.Target.Value);
            Assert.Equal(required.Document, match.Document.Id);
            if (required.Measure is not null)
            {
                Assert.Equal(required.Measure, match.Target.Measure);
            }
        }
    }

    [Fact]
    public void The_AI_and_robotics_measures_are_valid_to_the_end_of_2027()
    {
        var robotics = PolicyPackReader.Read(GuangdongPack.Directory).Documents.Single(d => d.Id == "gd-ai-robotics-measures");
        Assert.Equal(new DateOnly(2027, 12, 31), robotics.ValidTo);
        var benchmark = robotics.Targets.Single(t => t.Indicator == "benchmark_cases");
        Assert.Equal((TargetKind.Quota, Comparator.AtMost, "year"), (benchmark.Kind, benchmark.Comparator, benchmark.Per));
    }

    [Fact]
    public void Every_guangdong_measure_from_1_to_45_is_there()
    {
        var document = PolicyPackReader.Read(GuangdongPack.Directory).Documents.Single(d => d.Id == "gd-2024-ai-empowerment");
        var numbers = document.Measures.Select(m => m.Number).ToHashSet();
        Assert.All(Enumerable.Range(1, 45), n => Assert.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture), numbers));
    }

    [Fact]
    public void A_wrong_comparator_is_refused_with_file_line_and_field()
    {
        var copy = GuangdongPack.CopyWith(Measures2024, text => ReplaceFirst(text, "comparator: more_than", "comparator: bigger_than"));
        var line = GuangdongPack.LineOf(copy, Measures2024, "comparator: bigger_than");

        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));

        var error = Assert.Single(DataFileError.Among(refused));
        Assert.Equal(Measures2024, error.File);
        Assert.Equal(line, error.Line);
        Assert.Matches(@"^targets\[\d+\]\.comparator$", error.Field);
        Assert.Contains("bigger_than", English(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_target_says_how_it_counts_and_500_scenarios_by_2027_count_cumulatively()
    {
        var targets = PolicyPackReader.Read(GuangdongPack.Directory).Documents.SelectMany(d => d.Targets).ToList();
        Assert.Equal(TargetCounting.Cumulative, targets.Single(t => t.Id == "gd-application-scenarios-2027").Counting);
        Assert.Equal(TargetCounting.PerPeriod, targets.Single(t => t.Id == "gdar-benchmark-cases-per-year").Counting);
        Assert.Equal(TargetCounting.Level, targets.Single(t => t.Id == "gd-compute-eflops-2027").Counting);
        // A cumulative or per-period reading is an interpretation of the source: its wording is quoted in the note.
        Assert.All(targets.Where(t => t.Counting != TargetCounting.Level || t.Kind == TargetKind.Goal),
            t => Assert.True(t.Note is not null && t.Note.En.Contains("Source", StringComparison.Ordinal), $"{t.Id} quotes no source wording"));
    }

    [Fact]
    public void A_target_without_counting_is_refused_naming_the_field()
    {
        var copy = GuangdongPack.CopyWith(Measures2024, text => ReplaceFirst(text, "    counting: cumulative\n", ""));
        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));
        Assert.Contains(DataFileError.Among(refused), e => e.Field.EndsWith(".counting", StringComparison.Ordinal) && English(e) == "is required");
    }

    [Fact]
    public void A_quota_counted_cumulatively_is_refused()
    {
        var copy = GuangdongPack.CopyWith("documents/gd-ai-robotics-measures.yaml", text => ReplaceFirst(text, "counting: per_period", "counting: cumulative"));
        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));
        Assert.Contains(DataFileError.Among(refused), e => e.Field.EndsWith(".counting", StringComparison.Ordinal) && English(e).Contains("per_period", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_field_is_refused()
    {
        var copy = GuangdongPack.CopyWith(Measures2024, text => ReplaceFirst(text, "    unit: EFLOPS", "    units: EFLOPS"));
        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));
        Assert.Contains(DataFileError.Among(refused), e => e.Field.EndsWith(".units", StringComparison.Ordinal) && English(e) == "unknown field");
        Assert.Contains(DataFileError.Among(refused), e => e.Field.EndsWith(".unit", StringComparison.Ordinal) && English(e) == "is required");
    }

    [Fact]
    public void A_target_citing_a_measure_the_document_lacks_is_refused()
    {
        var copy = GuangdongPack.CopyWith(Measures2024, text => ReplaceFirst(text, "measure: \"5\"", "measure: \"99\""));
        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));
        Assert.Contains(DataFileError.Among(refused), e => e.Field.EndsWith(".measure", StringComparison.Ordinal) && English(e).Contains("'99'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_city_is_refused()
    {
        var copy = GuangdongPack.CopyWith("documents/gz-2026-ai-work-points.yaml", text => text.Replace("city:guangzhou", "city:canton", StringComparison.Ordinal));
        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));
        Assert.All(DataFileError.Among(refused), e => Assert.EndsWith("scope", e.Field, StringComparison.Ordinal));
    }

    [Fact]
    public void Changing_a_file_changes_the_content_hash()
    {
        var original = PolicyPackReader.Read(GuangdongPack.Directory);
        var copy = GuangdongPack.CopyWith(Measures2024, text => text.Replace("value: 40", "value: 41", StringComparison.Ordinal));
        Assert.NotEqual(original.ContentHash, PolicyPackReader.Read(copy).ContentHash);
    }

    [Fact]
    public void A_pack_with_two_problems_is_told_in_Chinese_and_in_English_naming_file_line_and_field()
    {
        var copy = GuangdongPack.CopyWith(Measures2024, text => ReplaceFirst(ReplaceFirst(text, "comparator: more_than", "comparator: bigger_than"), "measure: \"5\"", "measure: \"99\""));
        var comparatorLine = GuangdongPack.LineOf(copy, Measures2024, "comparator: bigger_than");
        var measureLine = GuangdongPack.LineOf(copy, Measures2024, "measure: \"99\"");

        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));

        Assert.Equal(2, refused.Problems.Count);
        var chinese = refused.Describe(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese));
        var english = refused.Describe(Text, CultureInfo.GetCultureInfo(UiCultures.English));
        var comparator = Assert.Single(chinese.Keys, k => k.EndsWith(".comparator", StringComparison.Ordinal));
        var measure = Assert.Single(chinese.Keys, k => k.EndsWith(".measure", StringComparison.Ordinal));
        Assert.Matches($@"^{Regex.Escape(Measures2024)}:{comparatorLine}: targets\[\d+\]\.comparator$", comparator);
        Assert.Matches($@"^{Regex.Escape(Measures2024)}:{measureLine}: targets\[\d+\]\.measure$", measure);
        Assert.Equal(["“bigger_than”不是以下值之一：more_than、at_least、at_most、exactly、multiple_of_baseline"], chinese[comparator]);
        Assert.Equal(["“99”不是本文件中的措施"], chinese[measure]);
        Assert.Equal(["'bigger_than' is not one of: more_than, at_least, at_most, exactly, multiple_of_baseline"], english[comparator]);
        Assert.Equal(["'99' is not a measure of this document"], english[measure]);
    }

    [Fact]
    public void Every_problem_a_bad_pack_can_have_has_a_text_in_both_languages()
    {
        var copy = GuangdongPack.CopyWith(Measures2024, text => ReplaceFirst(ReplaceFirst(ReplaceFirst(text,
            "    unit: EFLOPS", "    units: EFLOPS"), "scope: province", "scope: city:canton"), "source: ", "source: not a file "));
        var refused = Assert.Throws<InvalidInputException>(() => PolicyPackReader.Read(copy));

        Assert.True(refused.Problems.Count >= 3);
        foreach (var culture in UiCultures.All)
        {
            Assert.All(refused.Describe(Text, CultureInfo.GetCultureInfo(culture)).Values.SelectMany(m => m), m => Assert.DoesNotContain(UiText.MissingMarker, m, StringComparison.Ordinal));
        }

        Assert.All(refused.Describe(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese)).Values.SelectMany(m => m), m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    private static string English(DataFileError error) => error.Description.In(Text, CultureInfo.GetCultureInfo(UiCultures.English));

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the file");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
