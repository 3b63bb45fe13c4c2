using Funeng.TestSupport;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// <c>funeng search rebuild</c> while the web host holds the index's write lock (the fixture's host took it on
/// start) is refused, in the CLI's language: zh-CN by default, English with <c>--culture en</c>.
/// </summary>
public sealed class IndexLockedCommandLineTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    [Fact]
    public async Task Rebuilding_the_index_a_running_host_writes_is_refused_in_Chinese_by_default_and_in_English_when_asked()
    {
        var (chineseExit, chinese) = await FunengCli.RunAsync(app, "search", "rebuild");
        Assert.Equal(1, chineseExit);
        Assert.Contains("正由另一个进程（Web 主机？）写入；请先停止该进程再重建", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("catalog.search", chinese, StringComparison.Ordinal);

        var (englishExit, english) = await FunengCli.RunAsync(app, "search", "rebuild", "--culture", "en");
        Assert.Equal(1, englishExit);
        Assert.Contains("is written by another process (the web host?); stop it to rebuild, or let it catch up.", english, StringComparison.Ordinal);
    }
}
