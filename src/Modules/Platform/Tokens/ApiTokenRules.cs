using Funeng.Kernel.Web;

namespace Funeng.Platform.Tokens;

/// <summary>
/// What an API token may be: its name and lifetime, a child's expiry bounded by its parent's, and which tokens a
/// revocation ends. Pure rules over plain values, tested without a host; every refusal names its field and a
/// <c>strings.json</c> message.
/// </summary>
internal static class ApiTokenRules
{
    /// <summary>Lifetime limits in days (docs/security.md) and the lifetime when none is asked for.</summary>
    public const int MinDaysValid = 1, MaxDaysValid = 366, DefaultDaysValid = 90;

    /// <summary>The longest name a token may have.</summary>
    public const int MaxName = 100;

    /// <summary>Only a signed-in account has tokens (not the system, not an anonymous visitor); the account's id.</summary>
    public static string Owner(string? userId) =>
        userId ?? throw new DomainRuleException(ProblemMessage.Of("account.refusal.tokens-need-account"), null, 403);

    /// <summary>The problems of a token as asked for, by field (<c>name</c>, <c>daysValid</c>); empty when it can be made.</summary>
    public static List<FieldProblem> Problems(string? name, int? daysValid)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxName)
        {
            problems.Add(FieldProblem.Of("name", "account.tokens.name-invalid"));
        }

        if (daysValid is < MinDaysValid or > MaxDaysValid)
        {
            problems.Add(FieldProblem.Of("daysValid", "account.tokens.days-invalid"));
        }

        return problems;
    }

    /// <summary>When a token made at <paramref name="now"/> expires: a token made with a token never outlives its parent.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset now, int daysValid, DateTimeOffset? parentExpiresAt)
    {
        var expires = now.AddDays(daysValid);
        return parentExpiresAt is { } parent && parent < expires ? parent : expires;
    }

    /// <summary>
    /// The token <paramref name="tokenId"/> and every token minted from it, at any depth, among a user's
    /// <paramref name="owned"/> tokens (id and parent); each once, also if the parent links loop.
    /// </summary>
    public static IReadOnlyList<Guid> WithDescendants(Guid tokenId, IEnumerable<(Guid Id, Guid? ParentId)> owned)
    {
        var children = owned.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value, t => t.Id);
        var revoke = new List<Guid>();
        var seen = new HashSet<Guid>();
        var next = new Queue<Guid>([tokenId]);
        while (next.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            revoke.Add(id);
            foreach (var child in children[id])
            {
                next.Enqueue(child);
            }
        }

        return revoke;
    }
}
