using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Web;

namespace Funeng.Incentives.Rules;

/// <summary>What a case expects the engine to answer.</summary>
internal sealed record ExpectedVerdict(EligibilityOutcome Outcome, decimal? Amount, IReadOnlyList<string> Failed, IReadOnlyList<string> Needs, IReadOnlyList<string> MissingParameters);

/// <summary>One test case a program ships with: facts in, verdict out. A policy officer adds cases without C#.</summary>
internal sealed record ProgramCase(
    string File,
    int Line,
    string ProgramId,
    string Name,
    DateOnly Date,
    FactValues Facts,
    IReadOnlyList<(string Name, ParameterValue Value)> Parameters,
    AwardHistory? History,
    ExpectedVerdict Expected)
{
    public override string ToString() => $"{File}:{Line} {Name}";
}

/// <summary>Reads <c>programs/&lt;id&gt;.cases.yaml</c>.</summary>
internal static class ProgramCaseReader
{
    private static readonly string[] Outcomes = ["eligible", "ineligible", "unknown"];

    public static IEnumerable<ProgramCase> Read(YamlFields root, FactCatalog catalog, IReadOnlyList<IncentiveProgram> programs, List<DataFileError> errors)
    {
        var programId = root.Value("program");
        var program = programs.FirstOrDefault(p => p.Id == programId);
        if (programId is not null && program is null)
        {
            root.Error("program", ProblemMessage.Of("incentives.pack.case-program", programId), root.LineOf("program"));
        }

        var items = root.List("cases");
        root.RejectUnknown();
        if (program is null)
        {
            yield break;
        }

        foreach (var item in items)
        {
            var before = errors.Count;
            var name = item.Value("name");
            var date = item.Date("date");
            var facts = ReadFacts(item.Mapping("facts"), catalog);
            var parameters = new List<(string, ParameterValue)>();
            if (item.Mapping("parameters", required: false) is { } set)
            {
                foreach (var parameter in program.Parameters)
                {
                    if (set.Number(parameter.Name, required: false) is { } value && date is not null)
                    {
                        parameters.Add((parameter.Name, new ParameterValue(date.Value, value)));
                    }
                }

                set.RejectUnknown();
            }

            AwardHistory? history = null;
            if (item.Mapping("history", required: false) is { } past)
            {
                history = new AwardHistory(past.Number("enterprise_year_total") ?? 0, past.WholeNumber("program_year_count", min: 0) ?? 0, past.Number("program_year_total") ?? 0);
                past.RejectUnknown();
            }

            var expect = item.Mapping("expect");
            ExpectedVerdict? expected = null;
            if (expect is not null)
            {
                var outcome = expect.OneOf("outcome", Outcomes);
                expected = new ExpectedVerdict(
                    outcome is null ? EligibilityOutcome.Unknown : Enum.Parse<EligibilityOutcome>(outcome, ignoreCase: true),
                    expect.Number("amount", required: false),
                    expect.Strings("failed", required: false),
                    expect.Strings("needs", required: false),
                    expect.Strings("missing_parameters", required: false));
                expect.RejectUnknown();
            }

            item.RejectUnknown();
            if (errors.Count == before)
            {
                yield return new ProgramCase(root.File, item.Line, program.Id, name!, date!.Value, facts!, parameters, history, expected!);
            }
        }
    }

    private static FactValues? ReadFacts(YamlFields? fields, FactCatalog catalog)
    {
        if (fields is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var qualifications = new List<Qualification>();
        foreach (var fact in catalog.All)
        {
            if (fact.Type == FactType.Qualifications)
            {
                if (!fields.Has(fact.Key))
                {
                    continue;
                }

                values[fact.Key] = "answered";
                foreach (var q in fields.List(fact.Key))
                {
                    var code = q.OneOf("code", fact.Choices);
                    var from = q.Date("from");
                    var to = q.Date("to", required: false);
                    q.RejectUnknown();
                    if (code is not null && from is not null)
                    {
                        qualifications.Add(new Qualification(code, from.Value, to));
                    }
                }
            }
            else if (fields.Value(fact.Key, required: false) is { } text)
            {
                if (fact.Parse(text, out _) is null)
                {
                    fields.Error(fact.Key, ProblemMessage.Of("incentives.pack.not-a-value", text, fact.Key), fields.LineOf(fact.Key));
                }

                values[fact.Key] = text;
            }
        }

        fields.RejectUnknown();
        return new FactValues(values, qualifications);
    }
}
