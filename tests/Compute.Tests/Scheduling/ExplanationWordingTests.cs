using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Localization;
using static Funeng.Compute.Tests.ComputeText;
using static Funeng.Compute.Tests.Scheduling.Cluster;

namespace Funeng.Compute.Tests.Scheduling;

/// <summary>
/// A placement's explanation is keys and arguments, worded in the reader's language only when shown, kept so in
/// the database, and an explanation stored as English sentences before that is still shown for what it is.
/// </summary>
public sealed partial class ExplanationWordingTests
{
    private static readonly Dictionary<string, double> Near = new() { ["guangzhou"] = 0.4 };

    [Fact]
    public void Every_rejection_and_the_reason_read_in_Chinese_in_Chinese_and_in_English_in_English()
    {
        var (_, why) = UnplaceableRound();

        Assert.Equal(["centre_down", "too_few_devices", "no_suitable_pool", "over_budget", "no_latency_figure", "no_suitable_pool"], why.Rejected.Select(r => r.Code));
        foreach (var message in why.Rejected.Select(r => r.Detail).Prepend(why.Reason))
        {
            Assert.Matches(Han(), Chinese(message));
            Assert.DoesNotMatch(EnglishWord(), Chinese(message));
            Assert.DoesNotMatch(Han(), English(message));
            Assert.DoesNotContain(UiText.MissingMarker, English(message), StringComparison.Ordinal);
        }

        Assert.Equal("x would cost ¥40,000.00 > budget ¥1,000.00", English(why.Rejected[3].Detail));
        Assert.Equal("x 费用 ¥40,000.00，超出预算 ¥1,000.00", Chinese(why.Rejected[3].Detail));
        Assert.Equal("no pool with an acceptable accelerator (has Ascend 910, MLU370)", English(why.Rejected[5].Detail));
        Assert.Equal("没有可接受加速卡的资源池（现有：Ascend 910、MLU370）", Chinese(why.Rejected[5].Detail));
    }

    [Theory]
    [InlineData("fifo", "first centre in the data's region that fits, in arrival order: ", "按到达顺序，数据所在区域中第一个可满足的中心：")]
    [InlineData("cheapest", "lowest cost: ", "成本最低：")]
    [InlineData("earliest_finish", "earliest finish: ", "完成最早：")]
    [InlineData("data_locality", "lowest latency to the data's city: ", "到数据所在城市时延最低：")]
    [InlineData("fair_share", "earliest finish for the least-served enterprise: ", "为用量最少的企业选择完成最早的：")]
    public void The_reason_says_why_the_policy_chose_the_centre_with_its_start_finish_cost_and_latency(string policyName, string english, string chinese)
    {
        Assert.True(PolicyNames.TryParse(policyName, out var policy));
        var scheduler = new Scheduler([Centre("GZ", "guangzhou", Near, pools: Pool("gz-a800", 8, 9.5m))], policy);

        var (placement, why) = scheduler.Place(Job(2, 3), Monday);

        Assert.NotNull(placement);
        Assert.Equal("best_by_policy", why.ReasonCode);
        // Monday 08:00 UTC is 16:00 in China.
        Assert.Equal(english + "GZ/gz-a800 start 2026-11-23 16:00, finish 2026-11-23 19:00, cost ¥57.00, latency 0.4 ms", English(why.Reason));
        Assert.Equal(chinese + "GZ/gz-a800，2026-11-23 16:00 开始，2026-11-23 19:00 完成，费用 ¥57.00，时延 0.4 毫秒", Chinese(why.Reason));
    }

    [Fact]
    public void Skipping_a_region_names_both_regions_in_the_readers_language()
    {
        var scheduler = new Scheduler([Centre("Home", "guangzhou", Near, pools: Pool("h", 8, 1m)), Centre("Far", "shantou", Near, pools: Pool("f", 8, 1m))], PlacementPolicy.Fifo);

        var (_, why) = scheduler.Place(Job(1, 1), Monday);

        var skipped = Assert.Single(why.Rejected);
        Assert.Equal("region East Wing not needed: region Pearl River Delta fits", English(skipped.Detail));
        Assert.Equal("无需粤东区域：珠三角区域已有中心可满足", Chinese(skipped.Detail));
    }

    [Fact]
    public void A_stored_explanation_reads_back_worded_as_it_was_made()
    {
        var (_, why) = UnplaceableRound();

        var stored = JsonSerializer.Serialize(why, ComputeJson.Options);
        var read = JsonSerializer.Deserialize<PlacementExplanation>(stored, ComputeJson.Options)!;

        Assert.DoesNotContain("budget ¥", stored, StringComparison.Ordinal); // kept as key and arguments, not as a sentence
        Assert.Equal(why.Rejected.Select(r => (r.Centre, r.Code, English(r.Detail), Chinese(r.Detail))), read.Rejected.Select(r => (r.Centre, r.Code, English(r.Detail), Chinese(r.Detail))));
        Assert.Equal((English(why.Reason), Chinese(why.Reason), "no_centre_fits"), (English(read.Reason), Chinese(read.Reason), read.ReasonCode));

        var placed = new Scheduler([Centre("GZ", "guangzhou", Near, pools: Pool("gz", 8, 9.5m))], PlacementPolicy.Cheapest).Place(Job(2, 3), Monday).Explanation;
        var again = JsonSerializer.Deserialize<PlacementExplanation>(JsonSerializer.Serialize(placed, ComputeJson.Options), ComputeJson.Options)!;
        Assert.Equal((English(placed.Reason), Chinese(placed.Reason)), (English(again.Reason), Chinese(again.Reason)));
    }

    [Fact]
    public void An_explanation_stored_as_English_sentences_before_keys_shows_them_as_written_and_says_so_in_Chinese()
    {
        const string old = """
            {"policy":"cheapest","chosenCentre":"Cheap","chosenPool":"cheap-a800","reason":"lowest cost: Cheap/cheap-a800 start 2026-11-23 16:00, finish 2026-11-24 02:00, cost ¥360.00",
             "rejected":[{"centre":"Dear","code":"not_best","detail":"Dear/dear-a800 start 2026-11-23 16:00, finish 2026-11-24 02:00, cost ¥560.00"}]}
            """;

        var read = JsonSerializer.Deserialize<PlacementExplanation>(old, ComputeJson.Options)!;

        Assert.Equal("lowest cost: Cheap/cheap-a800 start 2026-11-23 16:00, finish 2026-11-24 02:00, cost ¥360.00", English(read.Reason));
        Assert.Equal("（本条说明记录于中英双语说明上线之前，仅有英文原文）lowest cost: Cheap/cheap-a800 start 2026-11-23 16:00, finish 2026-11-24 02:00, cost ¥360.00", Chinese(read.Reason));
        var dear = Assert.Single(read.Rejected);
        Assert.Equal(("Dear", "not_best"), (dear.Centre, dear.Code));
        Assert.EndsWith("cost ¥560.00", Chinese(dear.Detail), StringComparison.Ordinal);
        Assert.Equal("best_by_policy", read.ReasonCode);
    }

    [Fact]
    public void A_state_reason_stored_as_a_sentence_before_keys_reads_as_written_and_a_keyed_one_in_either_language()
    {
        var old = StoredMessages.Read("cancelled by the enterprise")!;
        var keyed = StoredMessages.Read(Kernel.Web.StoredMessage.Write(Kernel.Web.ProblemMessage.Of("compute.state-reason.centre-down", new LocalizedText("广州中心", "Guangzhou centre"))))!;

        Assert.Equal(("cancelled by the enterprise", StoredMessages.RecordedInEnglish), (English(old), old.Key));
        Assert.Equal(("centre Guangzhou centre went down; to be re-placed", "广州中心停机，待重新调度"), (English(keyed), Chinese(keyed)));
        Assert.Null(StoredMessages.Read(null));
    }

    [Fact]
    public void A_state_reason_naming_a_centre_by_the_longest_names_allowed_fits_its_column()
    {
        var longest = Kernel.Web.StoredMessage.Write(Kernel.Web.ProblemMessage.Of("compute.state-reason.centre-down", new LocalizedText(new string('算', 200), new string('C', 200))));

        Assert.True(longest.Length <= 1000, $"{longest.Length} characters");
    }

    [Fact]
    public void A_voucher_note_the_system_wrote_reads_in_either_language_and_one_a_person_typed_as_typed()
    {
        var awarded = StoredMessages.ReadNote(Kernel.Web.StoredMessage.Write(Kernel.Web.ProblemMessage.Of("compute.vouchers.award-note", "gd-compute-voucher", 2026, "2026-03-01")));
        var typed = StoredMessages.ReadNote("{试点}算力券");

        Assert.Equal(("Incentives award gd-compute-voucher (2026, decided 2026-03-01)", "激励兑现 gd-compute-voucher（2026 年度，2026-03-01 决定）"), (English(awarded), Chinese(awarded)));
        Assert.Equal(("{试点}算力券", "{试点}算力券"), (English(typed), Chinese(typed)));
    }

    [Theory]
    [InlineData("{\"key\":\"compute.vouchers.award-note\",\"args\":[\"gd-compute-voucher\",")]
    [InlineData("{\"key\":\"compute.vouchers.award-note\",\"args\":\"试点\"}")]
    [InlineData("{\"text\":{\"zh\":\"试点\"}}")]
    public void A_voucher_note_that_only_looks_keyed_reads_as_typed_not_as_an_error(string typed)
    {
        var note = StoredMessages.ReadNote(typed);

        Assert.Equal((typed, typed), (English(note), Chinese(note)));
    }

    [Theory]
    [InlineData("shenzhen", "no latency figure to Shenzhen", "没有到深圳的时延数据")]
    [InlineData("atlantis", "no latency figure to atlantis", "没有到atlantis的时延数据")]
    public void A_data_city_is_stored_with_its_name_in_both_languages_and_an_unknown_one_by_its_slug_in_both(string city, string english, string chinese)
    {
        var scheduler = new Scheduler([Centre("GZ", "guangzhou", Near, pools: Pool("gz", 8, 1m))], PlacementPolicy.EarliestFinish);
        var (_, why) = scheduler.Place(Job(1, 1, dataCity: city, maxLatency: 3), Monday);

        var stored = JsonSerializer.Serialize(why, ComputeJson.Options);
        var read = JsonSerializer.Deserialize<PlacementExplanation>(stored, ComputeJson.Options)!;

        var rejected = Assert.Single(read.Rejected);
        Assert.Equal("no_latency_figure", rejected.Code);
        Assert.IsType<LocalizedText>(Assert.Single(rejected.Detail.Arguments));
        Assert.Equal((english, chinese), (English(rejected.Detail), Chinese(rejected.Detail)));
    }

    /// <summary>Four centres in Guangzhou that cannot take a 4-device, 10-hour job under ¥1,000, one with no latency figure, one with other accelerators.</summary>
    private static (Placement? Placement, PlacementExplanation Explanation) UnplaceableRound()
    {
        var down = Centre("Down", "guangzhou", Near, up: false, pools: Pool("d", 8, 1m));
        var small = Centre("Small", "guangzhou", Near, pools: Pool("s", 2, 1m));
        var weak = Centre("Weak", "guangzhou", Near, pools: Pool("w", 64, 1m, accelerator: "V100"));
        var dear = Centre("Dear", "guangzhou", Near, pools: Pool("x", 64, 1000m));
        var unmeasured = Centre("Unmeasured", "guangzhou", new Dictionary<string, double>(), pools: Pool("u", 64, 1m));
        var other = Centre("Other", "guangzhou", Near, pools: [Pool("o1", 64, 1m, accelerator: "Ascend 910"), Pool("o2", 64, 1m, accelerator: "MLU370")]);
        var scheduler = new Scheduler([down, small, weak, dear, unmeasured, other], PlacementPolicy.EarliestFinish);
        return scheduler.Place(Job(4, 10, budget: 1000m, maxLatency: 3), Monday);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    // An English word of three letters or more outside a name the message carries (pool names here are one letter).
    [GeneratedRegex(@"\b(?!MLU|Ascend)[A-Za-z]{3,}\b")]
    private static partial Regex EnglishWord();
}
