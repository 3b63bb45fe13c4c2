using Funeng.Incentives.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;

namespace Funeng.Incentives.Programs;

/// <summary>
/// Office staff set a program's parameter from a date (a figure the pack left unset, or a new value). The value is
/// added to the parameter's timeline, never overwritten: a decision taken before the date keeps the old value.
/// Audited in the same transaction.
/// </summary>
internal sealed class SetProgramParameter(IncentivesDb db, ProgramCatalog catalog, IAuditLog audit, IActor actor, TimeProvider clock, UiText texts)
{
    /// <summary>A parameter as a person reads it: its label (<c>incentives.parameter.*</c>), or its code when it has none.</summary>
    public static ProblemMessage Label(string name, UiText texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var label = "incentives.parameter." + name;
        return texts.Has(label) ? ProblemMessage.Of(label) : ProblemMessage.Fixed(name);
    }

    /// <summary>Problems by field (<c>value</c>, <c>effectiveFrom</c>); empty when the value was set.</summary>
    public async Task<List<FieldProblem>> SetAsync(string programId, string name, decimal? value, DateOnly? effectiveFrom, CancellationToken cancellationToken)
    {
        var program = catalog.Get(programId);
        var parameter = program.Parameter(name) ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.not-a-parameter", name, program.Name), "name", 404);
        var problems = new List<FieldProblem>();
        if (value is not { } given || given < 0 || (parameter.Unit == "ratio" && given > 1))
        {
            problems.Add(FieldProblem.Of("value", parameter.Unit == "ratio" ? "incentives.problem.ratio" : "incentives.problem.value-not-negative"));
        }
        else if (parameter.Unit == "count" && given != decimal.Truncate(given))
        {
            problems.Add(FieldProblem.Of("value", "incentives.problem.count-whole"));
        }

        if (effectiveFrom is null)
        {
            problems.Add(FieldProblem.Of("effectiveFrom", "incentives.problem.effective-from"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ParameterSettings.Add(new ParameterSetting { Id = Guid.NewGuid(), ProgramId = programId, Name = name, Value = value!.Value, EffectiveFrom = effectiveFrom!.Value, SetBy = actor.Name, SetAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("incentives.parameter.set", "program", programId,
            ProblemMessage.Of("incentives.audit.parameter-set", Label(name, texts), value, effectiveFrom!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return problems;
    }
}
