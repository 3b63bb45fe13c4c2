using Funeng.Kernel.Security;
using Funeng.Policy.Data;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Policy.Tests.Packs;

/// <summary>
/// The pack import the host ran at start, as the office's audit page (Platform's) tells it: labelled and worded from
/// Policy's strings.json in the reader's language (issue 11), counts and hash as recorded.
/// </summary>
public abstract class PackImportAuditTests(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_import_of_the_default_pack_reads_in_Chinese_and_in_English()
    {
        int documents;
        string packId, version;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PolicyDb>();
            var pack = await db.Packs.AsNoTracking().SingleAsync(Ct);
            (packId, version) = (pack.Id, pack.Version);
            documents = await db.Documents.CountAsync(Ct);
        }

        var office = await app.SignInAsync(await app.CreateUserAsync(Roles.OfficeStaff), Ct);
        var chinese = Assert.Single(await AuditPage.ReadAsync(office, "zh-CN", Ct), r => r.Action.EndsWith(" policy.pack.imported", StringComparison.Ordinal));
        var english = Assert.Single(await AuditPage.ReadAsync(office, "en", Ct), r => r.Sequence == chinese.Sequence);

        Assert.Equal(("导入政策包 policy.pack.imported", $"政策包 {packId}", "系统"), (chinese.Action, chinese.Record, chinese.Who));
        Assert.StartsWith($"版本 {version}：{documents} 份文件、", chinese.Details, StringComparison.Ordinal);
        Assert.Equal(("Policy pack imported policy.pack.imported", $"Policy pack {packId}", "System"), (english.Action, english.Record, english.Who));
        Assert.StartsWith($"version {version}: {documents} documents, ", english.Details, StringComparison.Ordinal);
    }
}

public sealed class PackImportAuditOnSqlite(PolicySqliteApp app) : PackImportAuditTests(app), IClassFixture<PolicySqliteApp>;
