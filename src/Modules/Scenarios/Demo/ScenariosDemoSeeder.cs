using Funeng.Kernel.Localization;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Policy.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Lists;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Demo;

/// <summary>
/// A Guangzhou 2026 "AI + elderly care" list (its quota read from the pack) with a few published scenarios of the
/// demo elder-care home. Every invented text says 演示/demo. Seeding twice adds nothing.
/// </summary>
internal sealed class ScenariosDemoSeeder(ScenariosDb db, IPolicyQueries policy, IAuditLog audit, TimeProvider clock) : IDemoSeeder
{
    // Fixed ids of Platform's demo organisations (Platform/Demo/DemoAccounts.cs) and of this list.
    private static readonly Guid ElderCareHome = Guid.Parse("0d000000-0000-4000-8000-000000000004");
    private static readonly Guid GuangzhouOffice = Guid.Parse("0d000000-0000-4000-8000-000000000002");
    private static readonly Guid ElderCareList = Guid.Parse("5c000000-0000-4000-8000-000000000001");

    private static readonly (string Title, string Problem, string Outcome, string District, decimal Min, decimal Max)[] Posts =
    [
        ("夜间跌倒风险识别（演示） / Night-time fall risk detection (demo)",
            "演示：夜班护理员少，长者夜间如厕跌倒发现不及时。Demo: few night carers; falls on the way to the toilet are found late.",
            "演示：非接触式监测，两分钟内告警，误报率低于5%。Demo: contact-free monitoring that alerts within two minutes with under 5% false alarms.",
            "越秀区", 300_000m, 800_000m),
        ("慢病用药提醒与记录（演示） / Medication reminders for chronic illness (demo)",
            "演示：长者多病共存，漏服、错服药物。Demo: residents with several conditions miss or mix up doses.",
            "演示：语音提醒、服药确认与护士站记录联动。Demo: spoken reminders, confirmation and a record at the nurses' station.",
            "越秀区", 100_000m, 300_000m),
        ("陪伴与认知训练机器人（演示） / Companion and cognitive-training robot (demo)",
            "演示：失智早期长者缺少日常陪伴与训练。Demo: residents with early dementia lack daily company and training.",
            "演示：每日30分钟个性化训练，家属可查看进展。Demo: 30 minutes of tailored training a day, with progress visible to families.",
            "越秀区", 200_000m, 600_000m),
    ];

    public async Task<IReadOnlyList<ProblemMessage>> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Lists.AnyAsync(l => l.Id == ElderCareList, cancellationToken))
        {
            return [];
        }

        var target = ListRules.TargetFor(await policy.ListTargetsAsync(new TargetFilter(Scope: "city:guangzhou", Indicator: "ai_elderly_care_scenarios"), cancellationToken), 2026);
        if (target is null)
        {
            return [ProblemMessage.Of("scenarios.demo.no-target")];
        }

        var now = clock.GetUtcNow();
        var list = new ScenarioList
        {
            Id = ElderCareList,
            TitleZh = "广州市2026年“人工智能+养老服务”应用场景清单（演示）",
            TitleEn = "Guangzhou 2026 AI + Elderly Care scenario list (demo)",
            Year = 2026,
            Scope = "city:guangzhou",
            CreatedByOrganisationId = GuangzhouOffice,
            CreatedAt = now,
            PublishedAt = now,
            Quotas = [new ListQuota { Id = Guid.NewGuid(), Sector = "elder_care", Scope = "city:guangzhou", Target = (int)target.Value, PolicyTargetId = target.Id }],
        };
        foreach (var (title, problem, outcome, district, min, max) in Posts)
        {
            var post = new ScenarioPost
            {
                Id = Guid.NewGuid(),
                OwnerOrganisationId = ElderCareHome,
                CreatedByUserId = "demo",
                Title = title,
                Problem = problem,
                ExpectedOutcome = outcome,
                Sector = "elder_care",
                CitySlug = "guangzhou",
                District = district,
                DataAvailable = "演示：脱敏的护理记录与传感器样例数据。Demo: de-identified care records and sample sensor data.",
                BudgetMin = min,
                BudgetMax = max,
                Deadline = ChinaTime.DateOf(now).AddMonths(6),
                ContactName = "张院长（演示） / Director Zhang (demo)",
                ContactDetail = "owner@funeng.local",
                Status = ScenarioStatus.Published,
                CreatedAt = now,
                UpdatedAt = now,
                PublishedAt = now,
            };
            db.Scenarios.Add(post);
            list.Entries.Add(new ListEntry { ScenarioId = post.Id, AddedAt = now });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Lists.Add(list);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.demo.seeded", "scenario-list", list.Id.ToString(), ProblemMessage.Of("scenarios.audit.demo-seeded", Posts.Length)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }
}
