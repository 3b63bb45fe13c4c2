using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Accounts;

/// <summary>The outcome of an account action: done, or the fields that were wrong (field → string key).</summary>
internal sealed record AccountOutcome(IReadOnlyDictionary<string, string> Problems, string? UserId = null)
{
    public bool Succeeded => Problems.Count == 0;

    public static AccountOutcome Done(string? userId = null) => new(new Dictionary<string, string>(), userId);

    public static AccountOutcome Refused(string field, string key) => new(new Dictionary<string, string> { [field] = key });
}

/// <summary>
/// Self-service accounts: an organisation registers with its credit code and a contact who becomes its
/// administrator; the address is confirmed by mail; the administrator invites colleagues, who set a password from
/// the mail; anyone resets a forgotten password by mail. Every step that changes who may act is audited.
/// </summary>
internal sealed class OrganisationAccounts(
    PlatformDb db, UserManager<FunengUser> users, IMailer mailer, IAuditLog audit, INotifier notifier, UiText text,
    AccountLinks links, ChangeUserRoles changeRoles, IActor actor, TimeProvider clock)
{
    public async Task<AccountOutcome> RegisterAsync(RegistrationInput input, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = RegistrationRules.Problems(input);
        if (problems.Count > 0)
        {
            return new AccountOutcome(problems);
        }

        var code = RegistrationRules.NormaliseCode(input.CreditCode!);
        if (await db.Organisations.AnyAsync(o => o.CreditCode == code, cancellationToken))
        {
            return AccountOutcome.Refused("creditCode", "account.register.problem.credit-code-taken");
        }

        var email = input.ContactEmail!.Trim();
        var organisation = new Organisation
        {
            Id = Guid.NewGuid(),
            NameZh = input.NameZh!.Trim(),
            NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? input.NameZh!.Trim() : input.NameEn.Trim(),
            Kind = input.Kind!.Value,
            CitySlug = input.CitySlug,
            CreditCode = code,
            ContactName = input.ContactName!.Trim(),
            ContactEmail = email,
            ContactPhone = string.IsNullOrWhiteSpace(input.ContactPhone) ? null : input.ContactPhone.Trim(),
            Status = OrganisationStatus.AwaitingVerification,
            CreatedAt = clock.GetUtcNow(),
        };
        var user = new FunengUser
        {
            UserName = email,
            Email = email,
            DisplayName = organisation.ContactName,
            OrganisationId = organisation.Id,
            IsOrganisationAdmin = true,
            Culture = UiCultures.All.Contains(culture) ? culture : UiCultures.Chinese,
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            var created = await users.CreateAsync(user, input.Password!);
            if (!created.Succeeded)
            {
                return IdentityRefusal(created, "contactEmail");
            }

            await users.AddToRoleAsync(user, RegistrationRules.RoleFor(organisation.Kind));
            await audit.AppendAsync(new AuditEvent("platform.organisation.registered", "organisation", organisation.Id.ToString(),
                ProblemMessage.Of("platform.audit.organisation-registered", organisation.NameZh, organisation.CreditCode, email)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await SendAsync(user, "mail.confirm", links.ConfirmEmail(user.Id, token), organisation.NameZh, cancellationToken);
        foreach (var office in await users.GetUsersInRoleAsync(Roles.OfficeStaff))
        {
            await notifier.NotifyUserAsync(office.Id, ProblemMessage.Of("platform.notify.organisation-to-verify", LocalizedText.Of(organisation.NameZh, organisation.NameEn)),
                "/account/organisations", cancellationToken);
        }

        return AccountOutcome.Done(user.Id);
    }

    public async Task<bool> ConfirmEmailAsync(string userId, string code)
    {
        var user = await users.FindByIdAsync(userId);
        return user is not null && (await users.ConfirmEmailAsync(user, code)).Succeeded;
    }

    /// <summary>Mails a link to set a new password. Says nothing about whether the address has an account.</summary>
    public async Task SendPasswordResetAsync(string? email, CancellationToken cancellationToken)
    {
        if (!RegistrationRules.IsEmail(email) || await users.FindByEmailAsync(email!.Trim()) is not { } user)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(user, "mail.reset", links.SetPassword(user.Id, token), user.Email!, cancellationToken);
    }

    /// <summary>Sets the password from a mailed link; the link also proves the address, so it is confirmed.</summary>
    public async Task<AccountOutcome> SetPasswordAsync(string userId, string code, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            return AccountOutcome.Refused("password", "account.register.problem.password");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountOutcome.Refused("code", "account.set-password.problem.link");
        }

        var result = await users.ResetPasswordAsync(user, code, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == "InvalidToken")
                ? AccountOutcome.Refused("code", "account.set-password.problem.link")
                : AccountOutcome.Refused("password", "account.register.problem.password");
        }

        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        return AccountOutcome.Done(user.Id);
    }

    /// <summary>The organisation's administrator invites a colleague by mail with the given roles.</summary>
    public async Task<AccountOutcome> InviteAsync(string? email, string? displayName, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var (admin, organisation) = await AdministeredOrganisationAsync(cancellationToken);
        if (!RegistrationRules.IsEmail(email))
        {
            return AccountOutcome.Refused("email", "account.register.problem.email");
        }

        var allowed = RegistrationRules.AssignableRoles(organisation.Kind);
        if (roles.Count == 0 || roles.Any(r => !allowed.Contains(r)))
        {
            return AccountOutcome.Refused("roles", "account.colleagues.problem.roles");
        }

        var address = email!.Trim();
        var user = new FunengUser
        {
            UserName = address,
            Email = address,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim(),
            OrganisationId = organisation.Id,
            Culture = admin.Culture,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return IdentityRefusal(created, "email");
            }

            await users.AddToRolesAsync(user, roles);
            await audit.AppendAsync(new AuditEvent("platform.user.invited", "user", user.Id,
                ProblemMessage.Of("platform.audit.user-invited", address, organisation.NameZh, ChangeUserRoles.RoleLabels(roles))), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(user, "mail.invite", links.SetPassword(user.Id, token), organisation.NameZh, cancellationToken);
        return AccountOutcome.Done(user.Id);
    }

    /// <summary>The administrator sets a colleague's roles, within what the organisation's kind allows.</summary>
    public async Task<AccountOutcome> SetColleagueRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var (_, organisation) = await AdministeredOrganisationAsync(cancellationToken);
        var colleague = await users.FindByIdAsync(userId);
        if (colleague is null || colleague.OrganisationId != organisation.Id)
        {
            return AccountOutcome.Refused("userId", "account.colleagues.problem.not-colleague");
        }

        if (roles.Any(r => !RegistrationRules.AssignableRoles(organisation.Kind).Contains(r)))
        {
            return AccountOutcome.Refused("roles", "account.colleagues.problem.roles");
        }

        await changeRoles.ApplyAsync(colleague, roles, cancellationToken);
        return AccountOutcome.Done(colleague.Id);
    }

    /// <summary>Office staff record the 实名核验 of a registered organisation: verified or refused, with what they checked.</summary>
    public async Task<AccountOutcome> VerifyAsync(Guid organisationId, bool verified, string? evidence, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new Kernel.Web.DomainRuleException(Kernel.Web.ProblemMessage.Of("account.refusal.only-office-verifies"), null, 403);
        }

        if (string.IsNullOrWhiteSpace(evidence) || evidence.Trim().Length > 1000)
        {
            return AccountOutcome.Refused("evidence", "account.organisations.problem.evidence");
        }

        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return AccountOutcome.Refused("organisationId", "account.organisations.problem.missing");
        }

        if (organisation.Status != OrganisationStatus.AwaitingVerification)
        {
            return AccountOutcome.Refused("organisationId", "account.organisations.problem.decided");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            organisation.Status = verified ? OrganisationStatus.Active : OrganisationStatus.Refused;
            organisation.VerifiedAt = clock.GetUtcNow();
            organisation.VerifiedByUserId = actor.UserId;
            organisation.VerificationEvidence = evidence.Trim();
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent(verified ? "platform.organisation.verified" : "platform.organisation.refused", "organisation",
                organisation.Id.ToString(), ProblemMessage.Of("platform.audit.organisation-decided", organisation.NameZh, organisation.CreditCode, organisation.VerificationEvidence)), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var key = verified ? "mail.verified" : "mail.refused";
        await notifier.NotifyOrganisationAsync(organisation.Id, ProblemMessage.Of(key + ".subject"), "/workbench", cancellationToken);
        foreach (var admin in await db.Users.Where(u => u.OrganisationId == organisation.Id && u.IsOrganisationAdmin).ToListAsync(cancellationToken))
        {
            await SendAsync(admin, key, links.Absolute("/workbench"), organisation.VerificationEvidence, cancellationToken);
        }

        return AccountOutcome.Done();
    }

    private async Task<(FunengUser Admin, Organisation Organisation)> AdministeredOrganisationAsync(CancellationToken cancellationToken)
    {
        var admin = actor.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (admin is null || !admin.IsOrganisationAdmin)
        {
            throw new Kernel.Web.DomainRuleException(Kernel.Web.ProblemMessage.Of("account.refusal.only-administrator-manages"), null, 403);
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == admin.OrganisationId, cancellationToken);
        return (admin, organisation);
    }

    private Task SendAsync(FunengUser to, string key, string link, string detail, CancellationToken cancellationToken)
    {
        var culture = new CultureInfo(UiCultures.All.Contains(to.Culture) ? to.Culture : UiCultures.Chinese);
        var body = UiTemplate.Fill(culture, text.Get(key + ".body", culture), to.DisplayName, link, detail);
        return mailer.SendAsync(new OutgoingMail(to.Email!, text.Get(key + ".subject", culture), body), cancellationToken);
    }

    private static AccountOutcome IdentityRefusal(IdentityResult result, string emailField) =>
        result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
            ? AccountOutcome.Refused(emailField, "account.register.problem.email-taken")
            : result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? AccountOutcome.Refused("password", "account.register.problem.password")
                : AccountOutcome.Refused(emailField, "account.register.problem.email");
}
