using Microsoft.AspNetCore.Identity;

namespace Funeng.Platform.Data;

/// <summary>A person with an account. Every user belongs to exactly one organisation.</summary>
internal sealed class FunengUser : IdentityUser
{
    public Guid OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>Preferred UI culture (zh-CN or en).</summary>
    public string Culture { get; set; } = "zh-CN";

    /// <summary>Invites colleagues into the organisation and sets their roles (the person who registered it, at first).</summary>
    public bool IsOrganisationAdmin { get; set; }
}
