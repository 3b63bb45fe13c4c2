using System.Net;
using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Notifications;

/// <summary>The inbox shows when each notification came in China Standard Time, whatever the server's zone (issue 11 item 3).</summary>
public abstract class NotificationTimesTests(ITestApp app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notification_is_dated_in_China_Standard_Time()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), UserId = user.UserId, TitleZh = "时间测试", TitleEn = "Time test", Link = "/workbench",
                CreatedAt = new DateTimeOffset(2026, 12, 4, 1, 30, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync(Cancel);
        }

        var browser = await app.SignInAsync(user, Cancel);
        var inbox = WebUtility.HtmlDecode(await browser.GetStringAsync("/account/notifications?culture=zh-CN", Cancel));

        var line = inbox[inbox.IndexOf(">时间测试</a>", StringComparison.Ordinal)..];
        Assert.Contains(">2026-12-04 09:30</time>", line[..line.IndexOf("</li>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}

public sealed class NotificationTimesOnSqlite(PlatformSqliteApp app) : NotificationTimesTests(app), IClassFixture<PlatformSqliteApp>;

public sealed class NotificationTimesOnPostgres(PlatformPostgresApp app) : NotificationTimesTests(app), IClassFixture<PlatformPostgresApp>;
