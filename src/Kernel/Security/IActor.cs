namespace Funeng.Kernel.Security;

/// <summary>
/// Who acts in a use case: a signed-in person (their account, organisation, roles and city), an anonymous visitor,
/// or the system itself (command-line operator without <c>--as</c>, background jobs). Use cases take this, never an
/// HTTP context, so the web host, the CLI and background workers run the same code; each host provides it.
/// </summary>
public interface IActor
{
    /// <summary>True for a signed-in account (through the web, an API token or the CLI's <c>--as</c>).</summary>
    bool IsAuthenticated { get; }

    /// <summary>True when no person acts: a background job or the operator of the machine on the command line.</summary>
    bool IsSystem { get; }

    /// <summary>The account's id; null unless <see cref="IsAuthenticated"/>.</summary>
    string? UserId { get; }

    /// <summary>The name recorded with what the actor does (audit log, decisions).</summary>
    string Name { get; }

    /// <summary>The organisation the account belongs to; null unless <see cref="IsAuthenticated"/>.</summary>
    Guid? OrganisationId { get; }

    /// <summary>The slug of the city of the account's organisation, when it has one.</summary>
    string? CitySlug { get; }

    /// <summary>The roles the account holds (none for anonymous visitors and the system).</summary>
    IReadOnlySet<string> Roles { get; }

    bool IsInRole(string role);

    /// <summary>True when the actor belongs to the organisation that owns a record: the rule for editing it.</summary>
    bool BelongsTo(Guid ownerOrganisationId);
}
