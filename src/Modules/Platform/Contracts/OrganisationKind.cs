namespace Funeng.Platform.Contracts;

/// <summary>The kinds of organisation that take part in the platform.</summary>
public enum OrganisationKind
{
    Enterprise,
    University,
    ResearchInstitute,
    Hospital,
    ElderCareHome,
    School,
    GovernmentOffice,
    CityBureau,
    Park,
    Alliance,
    ComputeCentre,
}
