using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Funeng.Platform.Contracts;

namespace Funeng.Platform.Tests.Accounts;

public sealed class RegistrationRulesTests
{
    private static RegistrationInput Valid() => new("广州示例科技有限公司", "Example Tech", OrganisationKind.Enterprise, "guangzhou",
        "91440300708461136T", "陈晓", "chen@example.cn", null, "Long-enough-1a");

    [Fact]
    public void A_complete_registration_has_no_problems() => Assert.Empty(RegistrationRules.Problems(Valid()));

    [Theory]
    [InlineData("91440300708461136X", "creditCode")]
    [InlineData("9144030070846113", "creditCode")]
    [InlineData("", "creditCode")]
    public void A_wrong_credit_code_is_named_as_the_field(string code, string field) =>
        Assert.Equal([field], RegistrationRules.Problems(Valid() with { CreditCode = code }).Keys);

    [Fact]
    public void A_lower_case_code_with_spaces_is_accepted_as_written_on_a_licence() =>
        Assert.Empty(RegistrationRules.Problems(Valid() with { CreditCode = " 91440300708461136t " }));

    [Fact]
    public void Every_missing_field_is_named()
    {
        var problems = RegistrationRules.Problems(new RegistrationInput(null, null, null, "atlantis", null, null, "not-an-email", null, "short"));
        Assert.Equal(["citySlug", "contactEmail", "contactName", "creditCode", "kind", "nameZh", "password"], problems.Keys.Order());
    }

    [Theory]
    [InlineData(OrganisationKind.GovernmentOffice)]
    [InlineData(OrganisationKind.CityBureau)]
    public void Government_bodies_do_not_register_themselves(OrganisationKind kind) =>
        Assert.Contains("kind", RegistrationRules.Problems(Valid() with { Kind = kind }).Keys);

    [Theory]
    [InlineData(OrganisationKind.Enterprise, Roles.Enterprise)]
    [InlineData(OrganisationKind.ElderCareHome, Roles.ScenarioOwner)]
    [InlineData(OrganisationKind.ComputeCentre, Roles.ComputeOperator)]
    public void The_registering_person_gets_the_role_of_the_organisations_kind(OrganisationKind kind, string role) =>
        Assert.Equal(role, RegistrationRules.RoleFor(kind));

    [Fact]
    public void An_administrator_never_hands_out_office_or_city_roles()
    {
        foreach (var kind in RegistrationRules.SelfRegisteringKinds)
        {
            Assert.DoesNotContain(Roles.OfficeStaff, RegistrationRules.AssignableRoles(kind));
            Assert.DoesNotContain(Roles.CityStaff, RegistrationRules.AssignableRoles(kind));
        }
    }
}
