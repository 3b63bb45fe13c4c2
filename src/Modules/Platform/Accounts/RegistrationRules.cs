using System.Net.Mail;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Organisations;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;

namespace Funeng.Platform.Accounts;

/// <summary>What an organisation gives when it registers itself, and the person who will administer it.</summary>
internal sealed record RegistrationInput(
    string? NameZh, string? NameEn, OrganisationKind? Kind, string? CitySlug, string? CreditCode,
    string? ContactName, string? ContactEmail, string? ContactPhone, string? Password);

/// <summary>Pure rules of registration and of who may hold which role in an organisation.</summary>
internal static class RegistrationRules
{
    /// <summary>Kinds that register themselves. Government offices and city bureaus are set up by the office.</summary>
    public static IReadOnlyList<OrganisationKind> SelfRegisteringKinds { get; } =
        Enum.GetValues<OrganisationKind>().Where(k => k is not (OrganisationKind.GovernmentOffice or OrganisationKind.CityBureau)).ToList();

    /// <summary>The role the registering person gets: suppliers are enterprises, care homes, hospitals, schools and parks own scenarios.</summary>
    public static string RoleFor(OrganisationKind kind) => kind switch
    {
        OrganisationKind.ComputeCentre => Roles.ComputeOperator,
        OrganisationKind.Hospital or OrganisationKind.ElderCareHome or OrganisationKind.School or OrganisationKind.Park => Roles.ScenarioOwner,
        OrganisationKind.GovernmentOffice => Roles.OfficeStaff,
        OrganisationKind.CityBureau => Roles.CityStaff,
        _ => Roles.Enterprise,
    };

    /// <summary>The roles an organisation's administrator may give colleagues: never the office's or a city's.</summary>
    public static IReadOnlyList<string> AssignableRoles(OrganisationKind kind) => kind switch
    {
        OrganisationKind.GovernmentOffice => [Roles.OfficeStaff],
        OrganisationKind.CityBureau => [Roles.CityStaff],
        OrganisationKind.ComputeCentre => [Roles.ComputeOperator, Roles.Enterprise],
        OrganisationKind.University or OrganisationKind.ResearchInstitute => [Roles.Enterprise, Roles.Expert, Roles.ScenarioOwner],
        _ => [Roles.Enterprise, Roles.ScenarioOwner],
    };

    /// <summary>Field name → string key of the problem; empty when the input is acceptable.</summary>
    public static Dictionary<string, string> Problems(RegistrationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.NameZh) || input.NameZh.Trim().Length > 300)
        {
            problems["nameZh"] = "account.register.problem.name";
        }

        if (input.Kind is not { } kind || !SelfRegisteringKinds.Contains(kind))
        {
            problems["kind"] = "account.register.problem.kind";
        }

        if (string.IsNullOrWhiteSpace(input.CitySlug) || GuangdongCities.All.All(c => c.Slug != input.CitySlug))
        {
            problems["citySlug"] = "account.register.problem.city";
        }

        if (string.IsNullOrWhiteSpace(input.CreditCode) || CreditCode.Problem(NormaliseCode(input.CreditCode)) is not null)
        {
            problems["creditCode"] = "account.register.problem.credit-code";
        }

        if (string.IsNullOrWhiteSpace(input.ContactName) || input.ContactName.Trim().Length > 100)
        {
            problems["contactName"] = "account.register.problem.contact-name";
        }

        if (!IsEmail(input.ContactEmail))
        {
            problems["contactEmail"] = "account.register.problem.email";
        }

        if (string.IsNullOrEmpty(input.Password) || input.Password.Length < 12)
        {
            problems["password"] = "account.register.problem.password";
        }

        return problems;
    }

    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 256 && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim();
}
