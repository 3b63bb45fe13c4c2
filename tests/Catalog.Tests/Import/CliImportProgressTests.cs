using Funeng.Catalog.Tests.Search;
using Funeng.Kernel.Database;
using Microsoft.Data.Sqlite;

namespace Funeng.Catalog.Tests.Import;

/// <summary>Issue 11: the steps `funeng catalog import` reports while it works are in the command line's language.</summary>
public sealed class CliImportProgressTests
{
    [Theory]
    [InlineData("zh-CN", "已检查 1 个单位的 2 个产品", "正在更新搜索索引", "organisations checked")]
    [InlineData("en", "2 listings of 1 organisation checked", "updating the search index", "个产品")]
    public async Task The_import_reports_its_steps_in_the_chosen_language(string culture, string checkedLine, string indexingLine, string foreign)
    {
        var file = Path.Combine(Path.GetTempPath(), $"funeng-progress-{Guid.NewGuid():N}");
        var csv = file + ".csv";
        await File.WriteAllTextAsync(csv, """
            type,source,source_id,owner_name_zh,owner_city,title_zh,title_en,summary_zh,city,sectors
            algorithm_product,progress,p1,进度测试公司,guangzhou,进度测试一号,,,guangzhou,elder_care
            algorithm_product,progress,p2,进度测试公司,guangzhou,进度测试二号,,,guangzhou,elder_care

            """, TestContext.Current.CancellationToken);
        try
        {
            var (exit, output) = await HostProcess.RunCliAsync(DatabaseProvider.Sqlite, $"Data Source={file}.db", file + ".index",
                TestContext.Current.CancellationToken, "catalog", "import", csv, "--culture", culture);

            Assert.True(exit == 0, output);
            Assert.Contains(checkedLine, output, StringComparison.Ordinal);
            Assert.Contains(indexingLine, output, StringComparison.Ordinal);
            Assert.DoesNotContain(foreign, output, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { csv, file + ".db", file + ".db-wal", file + ".db-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }

            if (Directory.Exists(file + ".index"))
            {
                Directory.Delete(file + ".index", recursive: true);
            }
        }
    }
}
