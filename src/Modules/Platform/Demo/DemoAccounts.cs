using System.Security.Cryptography;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Demo;

/// <summary>
/// The demo organisations and one account per role. Organisations named in the policy sources or in the real
/// data sets keep their real names; the ones we had to invent say "(演示)/(demo)". Passwords are generated on
/// first creation and returned once for the host to print; they are never stored in clear or committed.
/// </summary>
internal sealed class DemoAccounts(PlatformDb db, UserManager<FunengUser> users, TimeProvider clock)
{
    /// <summary>A demo account and its one-time password.</summary>
    public sealed record Credential(string Email, string Role, string Password);

    internal sealed record DemoOrganisation(Guid Id, string NameZh, string NameEn, OrganisationKind Kind, string? City);

    internal sealed record DemoUser(string Email, string DisplayName, string Role, Guid OrganisationId);

    // Fixed ids so that other modules' demo data can refer to these organisations.
    public static readonly DemoOrganisation Office = new(
        Guid.Parse("0d000000-0000-4000-8000-000000000001"), "广东省人工智能产业推进办公室（演示）", "Guangdong AI Industry Office (demo)", OrganisationKind.GovernmentOffice, "guangzhou");

    public static readonly DemoOrganisation GuangzhouOffice = new(
        Guid.Parse("0d000000-0000-4000-8000-000000000002"), "广州市人工智能产业发展办公室", "Guangzhou Artificial Intelligence Industry Development Office", OrganisationKind.CityBureau, "guangzhou");

    public static readonly DemoOrganisation Enterprise = new(
        Guid.Parse("0d000000-0000-4000-8000-000000000003"), "广州极目未来文化科技有限公司", "Guangzhou Jimu Weilai Culture Technology Co., Ltd.", OrganisationKind.Enterprise, "guangzhou");

    public static readonly DemoOrganisation ElderCareHome = new(
        Guid.Parse("0d000000-0000-4000-8000-000000000004"), "越秀区长者颐养中心（演示）", "Yuexiu Elder Care Centre (demo)", OrganisationKind.ElderCareHome, "guangzhou");

    public static readonly DemoOrganisation University = new(
        Guid.Parse("0d000000-0000-4000-8000-000000000005"), "华南理工大学", "South China University of Technology", OrganisationKind.University, "guangzhou");

    public static readonly DemoOrganisation ComputeCentre = new(
        Guid.Parse("0d000000-0000-4000-8000-000000000006"), "广州人工智能公共算力中心", "Guangzhou AI Public Compute Center", OrganisationKind.ComputeCentre, "guangzhou");

    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
        [Office, GuangzhouOffice, Enterprise, ElderCareHome, University, ComputeCentre];

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("office@funeng.local", "省办 王主任 / Office: Wang", Roles.OfficeStaff, Office.Id),
        new("city@funeng.local", "广州市 李科长 / Guangzhou: Li", Roles.CityStaff, GuangzhouOffice.Id),
        new("enterprise@funeng.local", "企业 陈经理 / Enterprise: Chen", Roles.Enterprise, Enterprise.Id),
        new("owner@funeng.local", "养老院 张院长 / Care home: Zhang", Roles.ScenarioOwner, ElderCareHome.Id),
        new("expert@funeng.local", "专家 刘教授 / Expert: Liu", Roles.Expert, University.Id),
        new("compute@funeng.local", "算力中心 赵工 / Compute: Zhao", Roles.ComputeOperator, ComputeCentre.Id),
    ];

    /// <summary>Creates what is missing; returns the credentials of the accounts created now (empty if all existed).</summary>
    public async Task<IReadOnlyList<Credential>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Organisations.Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var organisation in Organisations.Where(o => !existing.Contains(o.Id)))
        {
            db.Organisations.Add(new Organisation
            {
                Id = organisation.Id,
                NameZh = organisation.NameZh,
                NameEn = organisation.NameEn,
                Kind = organisation.Kind,
                CitySlug = organisation.City,
                CreatedAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        var created = new List<Credential>();
        foreach (var demo in Users)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var password = NewPassword();
            var user = new FunengUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                OrganisationId = demo.OrganisationId,
            };
            Check(await users.CreateAsync(user, password), demo.Email);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.Email);
            created.Add(new Credential(demo.Email, demo.Role, password));
        }

        return created;
    }

    /// <summary>A random password that satisfies Identity's default rules (upper, lower, digit, symbol, 12+).</summary>
    internal static string NewPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var body = RandomNumberGenerator.GetString(alphabet, 14);
        return $"Fn-{body}7a";
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
