namespace Funeng.Kernel.Web;

/// <summary>
/// A well-formed request that a business rule refuses (an illegal transition, a quota reached, someone else's
/// object). The API answers RFC 7807 problem details with <see cref="Status"/> and the field concerned; pages show
/// it like an input problem. Input that cannot be read or is out of range is an <see cref="InvalidInputException"/>.
/// </summary>
public sealed class DomainRuleException : Exception
{
    /// <summary>A refusal with a text that has no <c>strings.json</c> key yet.</summary>
    public DomainRuleException(string message, string? field = null, int status = 409)
        : this(ProblemMessage.Fixed(message), field, status)
    {
    }

    /// <summary>A refusal with a message from <c>strings.json</c>.</summary>
    public DomainRuleException(ProblemMessage description, string? field = null, int status = 409)
        : base(description?.ToString())
    {
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Field = field;
        Status = status;
    }

    public DomainRuleException()
        : this(ProblemMessage.Fixed(string.Empty))
    {
    }

    public DomainRuleException(string message)
        : this(ProblemMessage.Fixed(message), field: null)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Description = ProblemMessage.Fixed(message);
    }

    /// <summary>What the person is told.</summary>
    public ProblemMessage Description { get; }

    /// <summary>The input field the rule concerns, if any.</summary>
    public string? Field { get; }

    /// <summary>The HTTP status: 403 (not yours to do), 404 (no such thing), 409 (state conflict), 422 (unacceptable as given).</summary>
    public int Status { get; } = 409;
}
