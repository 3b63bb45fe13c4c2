using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Tests.Matchmaking;

/// <summary>The text matchmaking searches for a scenario (<see cref="MatchQuery.SearchText"/>) and the sector words it adds.</summary>
public sealed class SupplierSearchTests
{
    private static MatchQuery Need(string sector) => new("保险理赔与风控智能审核", "理赔材料多，人工审核慢。", "智能识别理赔材料、评估风险，自动给出审核建议。", sector, "guangzhou");

    [Fact]
    public void Searches_the_title_the_expected_outcome_and_the_sectors_own_names()
    {
        var text = Need("finance").SearchText;
        Assert.Contains("保险理赔与风控智能审核", text, StringComparison.Ordinal);
        Assert.Contains("自动给出审核建议", text, StringComparison.Ordinal);
        Assert.Contains("金融", text, StringComparison.Ordinal);
        Assert.DoesNotContain("人工审核慢", text, StringComparison.Ordinal);
    }

    // Issue 12 regression: "金融 银行 理财 证券 保险" were added to every finance need, so an insurance-claims scenario
    // ranked banking and brokerage assistants first; "交通 出行 物流 车辆 调度" made a traffic-signal scenario's top 10
    // ride-hailing and fleet dispatch.
    [Theory]
    [InlineData("finance", "银行")]
    [InlineData("finance", "证券")]
    [InlineData("finance", "理财")]
    [InlineData("transport", "调度")]
    [InlineData("transport", "物流")]
    [InlineData("transport", "车辆")]
    [InlineData("manufacturing", "质检")]
    [InlineData("smart_city", "监控")]
    [InlineData("legal", "合同")]
    [InlineData("tourism", "导游")]
    public void Bug_12_adds_no_task_or_sub_market_word_to_every_need_of_a_sector(string sector, string word) =>
        Assert.DoesNotContain(word, SectorVocabulary.Of(sector), StringComparison.Ordinal);

    [Fact]
    public void A_demo_scenarios_marks_are_not_searched_and_a_word_holding_演示_is()
    {
        var demo = new MatchQuery("慢病用药提醒与记录（演示） / Medication reminders for chronic illness (demo)", "",
            "演示：语音提醒、服药确认与护士站记录联动。Demo: spoken reminders and a record at the nurses' station.", "", "guangzhou");
        var text = demo.SearchText;
        Assert.DoesNotContain("演示", text, StringComparison.Ordinal);
        Assert.DoesNotContain("demo", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("慢病用药提醒与记录", text, StringComparison.Ordinal);
        Assert.Contains("spoken reminders", text, StringComparison.Ordinal);

        Assert.Contains("演示文稿", new MatchQuery("演示文稿自动生成", "", "根据讲稿生成演示文稿", "", "guangzhou").SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sector_without_a_word_true_of_all_its_scenarios_adds_nothing()
    {
        Assert.Equal("", SectorVocabulary.Of("future_industries"));
        Assert.Equal("保险理赔与风控智能审核\n智能识别理赔材料、评估风险，自动给出审核建议。\n", Need("future_industries").SearchText);
    }
}
