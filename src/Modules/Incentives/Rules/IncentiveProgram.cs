using Funeng.Kernel.Localization;

namespace Funeng.Incentives.Rules;

/// <summary>What an award is paid as.</summary>
public enum AwardKind
{
    Grant,
    Voucher,
}

/// <summary>A value of a parameter from a date on; a later entry replaces it from its own date.</summary>
internal sealed record ParameterValue(DateOnly From, decimal Value);

/// <summary>A named figure of a program. Empty <see cref="Values"/> means the sources give none: it is unset.</summary>
internal sealed record ProgramParameter(string Name, string Unit, string? Target, LocalizedText? Note, IReadOnlyList<ParameterValue> Values);

internal enum ConditionOperator
{
    Equals,
    In,
    AtLeast,
    AtMost,
    Is,
    Holds,
}

/// <summary>
/// One eligibility condition over a fact. Operands are choice values, a flag, a qualification code, or a number or
/// parameter name. <paramref name="Definition"/> is the fact as the pack declares it: its explanation names the
/// fact and its values by their labels.
/// </summary>
internal sealed record Condition(string Id, LocalizedText Name, string Fact, ConditionOperator Operator, IReadOnlyList<string> Operands, FactDefinition Definition);

/// <summary>Parameter names that cap an award, an enterprise's year and the program's year; null where there is none.</summary>
internal sealed record ProgramCaps(string? PerAward, string? PerEnterprisePerYear, string? PerProgramPerYear);

internal sealed record RequiredDocument(string Key, LocalizedText Name);

/// <summary>What experts score an application on, with the most points it can give; a program's criteria add up to 100.</summary>
internal sealed record ReviewCriterion(string Key, LocalizedText Name, int MaxPoints);

/// <summary>
/// A program as read from <c>policies/&lt;pack&gt;/programs/&lt;id&gt;.yaml</c>. <see cref="AwardedFor"/> names the decision
/// elsewhere its awards are made from (<c>challenge_result</c>), or null.
/// </summary>
internal sealed record IncentiveProgram(
    string Id,
    LocalizedText Name,
    LocalizedText Summary,
    LocalizedText? Note,
    string DocumentId,
    string Measure,
    string Source,
    AwardKind Kind,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    bool ExpertReview,
    IReadOnlyList<ProgramParameter> Parameters,
    IReadOnlyList<Condition> Conditions,
    Formula Maximum,
    ProgramCaps Caps,
    string? Quota,
    string Budget,
    IReadOnlyList<RequiredDocument> Documents,
    string File,
    IReadOnlyList<ReviewCriterion> Criteria,
    string? AwardedFor = null)
{
    public ProgramParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public bool OpenOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>The facts the conditions and the formula read: the application form asks exactly these.</summary>
    public IReadOnlyList<string> FactsNeeded(FactCatalog catalog) =>
        Conditions.Select(c => c.Fact)
            .Concat(Maximum.Names().Where(n => Parameter(n) is null))
            .Prepend(FactCatalog.UntrustworthyKey)
            .Where(k => catalog.Find(k) is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
