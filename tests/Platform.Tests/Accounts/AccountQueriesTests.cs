using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Funeng.Platform.Organisations;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Platform.Tests.Accounts;

/// <summary>
/// What the account pages read: the colleagues page shows the actor's own organisation's people only, by address,
/// each with their roles, and knows whether the actor administers it; the verification page lists registered
/// organisations waiting (oldest first) apart from those decided (latest first).
/// </summary>
public abstract class AccountQueriesTests(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Colleagues_are_the_actors_organisation_by_address_with_their_roles()
    {
        var admin = await app.CreateUserAsync(Roles.Enterprise);
        var colleague = await app.CreateUserAsync(Roles.Expert, admin.OrganisationId);
        var outsider = await app.CreateUserAsync(Roles.Enterprise);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformDb>().Users.Where(u => u.Id == admin.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsOrganisationAdmin, true), Ct);
        }

        var asAdmin = await ColleaguesAsync(admin.Email);
        var asColleague = await ColleaguesAsync(colleague.Email);

        Assert.Equal(admin.OrganisationId, asAdmin.Organisation.Id);
        Assert.Equal(new[] { admin, colleague }.OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => u.UserId), asAdmin.Members.Select(m => m.Id));
        Assert.DoesNotContain(asAdmin.Members, m => m.Id == outsider.UserId);
        Assert.Equal([Roles.Expert], asAdmin.Members.Single(m => m.Id == colleague.UserId).Roles);
        Assert.True(asAdmin.Members.Single(m => m.Id == admin.UserId).IsAdmin);
        Assert.True(asAdmin.IsAdmin);
        Assert.False(asColleague.IsAdmin);
        Assert.Equal(asAdmin.Members.Select(m => m.Id), asColleague.Members.Select(m => m.Id));
    }

    [Fact]
    public async Task Registered_organisations_wait_oldest_first_apart_from_those_decided_latest_first()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        Organisation Registered(int day, OrganisationStatus status, int? decidedDay = null) => new()
        {
            Id = Guid.NewGuid(), NameZh = "登记机构", NameEn = "Registered", Kind = OrganisationKind.Enterprise, CreditCode = Guid.NewGuid().ToString("N")[..18].ToUpperInvariant(),
            CreatedAt = start.AddDays(day), Status = status, VerifiedAt = decidedDay is { } d ? start.AddDays(d) : null,
        };
        Organisation[] waiting = [Registered(2, OrganisationStatus.AwaitingVerification), Registered(1, OrganisationStatus.AwaitingVerification)];
        Organisation[] decided = [Registered(0, OrganisationStatus.Active, 3), Registered(0, OrganisationStatus.Refused, 5)];
        var created = new Organisation { Id = Guid.NewGuid(), NameZh = "办公室创建", NameEn = "Created by the office", Kind = OrganisationKind.Enterprise, Status = OrganisationStatus.Active };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDb>();
        db.Organisations.AddRange([.. waiting, .. decided, created]);
        await db.SaveChangesAsync(Ct);

        var (waitingRead, decidedRead) = await scope.ServiceProvider.GetRequiredService<VerificationQueue>().ReadAsync(Ct);

        Guid[] mine = [.. waiting.Select(o => o.Id), .. decided.Select(o => o.Id)];
        Assert.Equal([waiting[1].Id, waiting[0].Id], waitingRead.Select(o => o.Id).Where(mine.Contains));
        Assert.Equal([decided[1].Id, decided[0].Id], decidedRead.Select(o => o.Id).Where(mine.Contains));
        Assert.DoesNotContain(waitingRead.Concat(decidedRead), o => o.Id == created.Id);
    }

    private async Task<ColleaguesView> ColleaguesAsync(string email)
    {
        IActor actor;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            actor = (await scope.ServiceProvider.GetRequiredService<IAccountCommands>().ActorAsync(email))!;
        }

        await using var acting = app.Services.CreateActorScope(actor);
        return await acting.ServiceProvider.GetRequiredService<AccountQueries>().ColleaguesAsync(Ct);
    }
}

public sealed class AccountQueriesOnSqlite(PlatformSqliteApp app) : AccountQueriesTests(app), IClassFixture<PlatformSqliteApp>;

public sealed class AccountQueriesOnPostgres(PlatformPostgresApp app) : AccountQueriesTests(app), IClassFixture<PlatformPostgresApp>;
