namespace Funeng.Kernel.Web;

/// <summary>
/// A request that breaks a business rule (an illegal transition, a quota reached). The web host turns it into an
/// RFC 7807 problem with status 409 or 422 and the field it concerns.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message, string? field = null, int status = 409)
        : base(message)
    {
        Field = field;
        Status = status;
    }

    public DomainRuleException()
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The input field the rule concerns, if any.</summary>
    public string? Field { get; }

    /// <summary>The HTTP status: 409 for state conflicts, 422 for unacceptable input, 403 for ownership.</summary>
    public int Status { get; } = 409;
}
