using System.Globalization;
using Funeng.Kernel.Database;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Tests.Startup;

/// <summary>
/// A data file that stops the start is told in the language its host asks for, not the process's: the web host's
/// console speaks zh-CN even on a server whose LANG is English (issue 11).
/// </summary>
public sealed class StartupSequenceTests
{
    [Fact]
    public async Task A_refused_data_file_is_told_in_the_culture_asked_for_whatever_the_process_culture()
    {
        var startup = Sequence(new BrokenPackLoader("pack.yaml", "id: gd\ntitle: 'unclosed\n"));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var chinese = await Assert.ThrowsAsync<InvalidOperationException>(() => startup.InitializeInAsync(CultureInfo.GetCultureInfo(UiCultures.Chinese), cancellationToken: TestContext.Current.CancellationToken));
            Assert.Equal(
                "启动中止：数据文件有 1 个问题，未载入任何内容：" + Environment.NewLine + "  pack.yaml:2: (syntax): YAML 语法错误（第 2 行第 8 列）：从这里开始的带引号的值没有结束（缺少收尾的引号）",
                chinese.Message);

            var english = await Assert.ThrowsAsync<InvalidOperationException>(() => startup.InitializeAsync(cancellationToken: TestContext.Current.CancellationToken));
            Assert.StartsWith("Start-up stopped: the data files have 1 problem; nothing was loaded:", english.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task What_an_initializer_did_is_told_to_the_operator_in_the_culture_asked_for()
    {
        // The web host's console is Chinese: the default pack loaded was the one English line among its start-up steps.
        var startup = Sequence(new ReportingInitializer());
        var told = new List<string>();

        await startup.InitializeInAsync(CultureInfo.GetCultureInfo(UiCultures.Chinese), told.Add, TestContext.Current.CancellationToken);
        await startup.InitializeInAsync(CultureInfo.GetCultureInfo(UiCultures.English), told.Add, TestContext.Current.CancellationToken);

        Assert.Equal(["正在迁移数据库：Policy 模块", "migrating Policy"], told);
    }

    private static StartupSequence Sequence(IStartupInitializer initializer)
    {
        var services = new ServiceCollection();
        services.AddUiStrings(typeof(FunengKernel).Assembly);
        services.AddSingleton(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<StartupSequence>();
        services.AddSingleton(initializer);
        return services.BuildServiceProvider().GetRequiredService<StartupSequence>();
    }

    private sealed class ReportingInitializer : IStartupInitializer
    {
        public Task InitializeAsync(Action<ProblemMessage> report, CancellationToken cancellationToken)
        {
            report(ProblemMessage.Of("startup.migrating", "Policy"));
            return Task.CompletedTask;
        }
    }

    /// <summary>Reads one data file as a module's pack loader does, and refuses the start with its problems.</summary>
    private sealed class BrokenPackLoader(string file, string text) : IStartupInitializer
    {
        public Task InitializeAsync(Action<ProblemMessage> report, CancellationToken cancellationToken)
        {
            var errors = new List<DataFileError>();
            YamlFields.Parse(file, text, errors);
            throw new InvalidInputException(errors);
        }
    }
}
