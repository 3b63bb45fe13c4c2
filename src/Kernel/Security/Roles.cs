namespace Funeng.Kernel.Security;

/// <summary>The platform's roles. Anonymous visitors are the public and hold none.</summary>
public static class Roles
{
    public const string OfficeStaff = "OfficeStaff";
    public const string CityStaff = "CityStaff";
    public const string Enterprise = "Enterprise";
    public const string ScenarioOwner = "ScenarioOwner";
    public const string Expert = "Expert";
    public const string ComputeOperator = "ComputeOperator";

    public static IReadOnlyList<string> All { get; } =
        [OfficeStaff, CityStaff, Enterprise, ScenarioOwner, Expert, ComputeOperator];
}

/// <summary>Claim types Funeng adds to the signed-in principal.</summary>
public static class FunengClaims
{
    /// <summary>The id of the organisation the user belongs to.</summary>
    public const string Organisation = "funeng:org";

    /// <summary>The user's display name.</summary>
    public const string DisplayName = "funeng:name";

    /// <summary>The slug of the city of the user's organisation, when it has one.</summary>
    public const string City = "funeng:city";
}
