using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Taxonomy;
using Funeng.Kernel.Web;

namespace Funeng.Incentives.Rules;

/// <summary>A pack's incentive programs, the facts they read, and the cases they ship with.</summary>
internal sealed record ProgramPack(string Directory, FactCatalog Facts, IReadOnlyList<IncentiveProgram> Programs, IReadOnlyList<ProgramCase> Cases)
{
    public IncentiveProgram? Find(string id) => Programs.FirstOrDefault(p => p.Id == id);
}

/// <summary>
/// Reads <c>facts.yaml</c> and <c>programs/*.yaml</c> of a policy pack. Every problem is collected with its
/// file, line and field; if there is any, nothing is returned.
/// </summary>
internal static class ProgramPackReader
{
    public const string FactsFile = "facts.yaml";
    public const string ProgramsFolder = "programs";
    public const string CasesSuffix = ".cases.yaml";

    private static readonly string[] Kinds = ["grant", "voucher"];

    /// <summary>What decision elsewhere a program's awards are made from (<c>awarded_for</c>), so that module can find the program.</summary>
    public static readonly string[] AwardedFor = ["challenge_result", "benchmark_designation"];
    private static readonly string[] Operators = ["equals", "in", "at_least", "at_most", "is", "holds"];
    private static readonly string[] FactTypes = ["city", "choice", "money", "number", "flag", "qualifications"];

    public static ProgramPack Read(string packDirectory)
    {
        var errors = new List<DataFileError>();
        var facts = ReadFacts(packDirectory, errors);
        var programs = new List<IncentiveProgram>();
        var cases = new List<ProgramCase>();
        var folder = Path.Combine(packDirectory, ProgramsFolder);
        var files = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
        foreach (var path in files.Where(f => !f.EndsWith(CasesSuffix, StringComparison.Ordinal)))
        {
            var file = Path.GetRelativePath(packDirectory, path).Replace('\\', '/');
            var root = YamlFields.Parse(file, File.ReadAllText(path), errors);
            if (root is not null && facts is not null && ReadProgram(root, facts, errors) is { } program)
            {
                if (Path.GetFileNameWithoutExtension(path) != program.Id)
                {
                    root.Error("id", ProblemMessage.Of("incentives.pack.file-name", program.Id), root.LineOf("id"));
                }

                programs.Add(program);
            }
        }

        foreach (var path in files.Where(f => f.EndsWith(CasesSuffix, StringComparison.Ordinal)))
        {
            var file = Path.GetRelativePath(packDirectory, path).Replace('\\', '/');
            var root = YamlFields.Parse(file, File.ReadAllText(path), errors);
            if (root is not null && facts is not null)
            {
                cases.AddRange(ProgramCaseReader.Read(root, facts, programs, errors));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new ProgramPack(packDirectory, facts!, programs, cases);
    }

    private static FactCatalog? ReadFacts(string packDirectory, List<DataFileError> errors)
    {
        var path = Path.Combine(packDirectory, FactsFile);
        if (!File.Exists(path))
        {
            errors.Add(new DataFileError(FactsFile, 0, "(file)", ProblemMessage.Of("incentives.pack.facts-missing")));
            return null;
        }

        var root = YamlFields.Parse(FactsFile, File.ReadAllText(path), errors);
        if (root is null)
        {
            return null;
        }

        var definitions = new List<FactDefinition>();
        foreach (var item in root.List("facts"))
        {
            var key = item.Value("key");
            var type = item.OneOf("type", FactTypes);
            var name = item.Text("name");
            var choices = item.Strings("choices", required: type is "choice" or "qualifications");
            item.RejectUnknown();
            // Sectors and qualifications are the platform's one taxonomy: a pack may offer a subset, never its own codes.
            var unknown = type == "qualifications" ? choices.FirstOrDefault(c => !QualificationKinds.IsKnown(c))
                : key == FactDefinition.SectorKey ? choices.FirstOrDefault(c => !Sectors.IsKnown(c)) : null;
            if (unknown is not null)
            {
                item.Error("choices", type == "qualifications" ? ProblemMessage.Of("incentives.pack.not-a-qualification-kind", unknown) : ProblemMessage.Of("incentives.pack.not-a-sector", unknown), item.LineOf("choices"));
            }

            if (key is not null && definitions.Any(d => d.Key == key))
            {
                item.Error("key", ProblemMessage.Of("incentives.pack.fact-twice", key), item.LineOf("key"));
            }
            else if (key is not null && type is not null && name is not null)
            {
                definitions.Add(new FactDefinition(key, Enum.Parse<FactType>(type, ignoreCase: true), name, choices));
            }
        }

        root.RejectUnknown();
        if (definitions.All(d => d.Key != FactCatalog.UntrustworthyKey || d.Type != FactType.Flag))
        {
            root.Error("facts", ProblemMessage.Of("incentives.pack.untrustworthy-flag", FactCatalog.UntrustworthyKey));
        }

        return new FactCatalog(definitions);
    }

    private static IncentiveProgram? ReadProgram(YamlFields root, FactCatalog facts, List<DataFileError> errors)
    {
        var before = errors.Count;
        var id = root.Value("id");
        var name = root.Text("name");
        var summary = root.Text("summary");
        var note = root.Text("note", required: false);
        var document = root.Value("document");
        var measure = root.Value("measure");
        var source = root.Value("source");
        var kind = root.OneOf("kind", Kinds);
        var validFrom = root.Date("valid_from", required: false);
        var validTo = root.Date("valid_to", required: false);
        if (validFrom > validTo)
        {
            root.Error("valid_to", ProblemMessage.Of("incentives.pack.valid-to-before-valid-from"), root.LineOf("valid_to"));
        }

        var expertReview = root.Flag("expert_review");
        var parameters = root.List("parameters", required: false).Select(ReadParameter).OfType<ProgramParameter>().ToList();
        foreach (var duplicate in parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            root.Error("parameters", ProblemMessage.Of("incentives.pack.parameter-twice", duplicate.Key), root.LineOf("parameters"));
        }

        var conditions = root.List("eligibility").Select(c => ReadCondition(c, facts, parameters)).OfType<Condition>().ToList();
        var award = root.Mapping("award");
        var maximum = award is null ? null : ReadFormula(award, facts, parameters);
        award?.RejectUnknown();
        var capsFields = root.Mapping("caps", required: false);
        var caps = new ProgramCaps(
            ParameterName(capsFields, "per_award", parameters),
            ParameterName(capsFields, "per_enterprise_per_year", parameters),
            ParameterName(capsFields, "per_program_per_year", parameters));
        capsFields?.RejectUnknown();
        var quota = ParameterName(root, "quota", parameters);
        var budget = ParameterName(root, "budget", parameters, required: true);
        var documents = root.List("documents").Select(d =>
        {
            var key = d.Value("key");
            var text = d.Text("name");
            d.RejectUnknown();
            return key is null || text is null ? null : new RequiredDocument(key, text);
        }).OfType<RequiredDocument>().ToList();
        var criteria = ReadCriteria(root, expertReview == true);
        var awardedFor = root.OneOf("awarded_for", AwardedFor, required: false);
        root.RejectUnknown();

        return errors.Count > before ? null : new IncentiveProgram(id!, name!, summary!, note, document!, measure!, source!,
            kind == "voucher" ? AwardKind.Voucher : AwardKind.Grant, validFrom, validTo, expertReview!.Value, parameters, conditions,
            maximum!, caps, quota, budget!, documents, root.File, criteria, awardedFor);
    }

    /// <summary>Experts score against the program's criteria: required when it asks for expert review, and adding up to 100 points.</summary>
    private static List<ReviewCriterion> ReadCriteria(YamlFields root, bool expertReview)
    {
        var criteria = root.List("review_criteria", required: expertReview).Select(c =>
        {
            var key = c.Value("key");
            var text = c.Text("name");
            var points = c.WholeNumber("max_points", min: 1);
            c.RejectUnknown();
            return key is null || text is null || points is null ? null : new ReviewCriterion(key, text, points.Value);
        }).OfType<ReviewCriterion>().ToList();
        if (!expertReview && criteria.Count > 0)
        {
            root.Error("review_criteria", ProblemMessage.Of("incentives.pack.criteria-without-review"), root.LineOf("review_criteria"));
        }
        else if (criteria.Count > 0 && criteria.Sum(c => c.MaxPoints) != 100)
        {
            root.Error("review_criteria", ProblemMessage.Of("incentives.pack.criteria-points", criteria.Sum(c => c.MaxPoints)), root.LineOf("review_criteria"));
        }

        foreach (var duplicate in criteria.GroupBy(c => c.Key).Where(g => g.Count() > 1))
        {
            root.Error("review_criteria", ProblemMessage.Of("incentives.pack.criterion-twice", duplicate.Key), root.LineOf("review_criteria"));
        }

        return criteria;
    }

    private static ProgramParameter? ReadParameter(YamlFields item)
    {
        var name = item.Value("name");
        var unit = item.OneOf("unit", ["CNY", "ratio", "count"]);
        var target = item.Value("target", required: false);
        var note = item.Text("note", required: false);
        var values = new List<ParameterValue>();
        foreach (var value in item.List("values"))
        {
            var from = value.Date("from");
            var number = value.Number("value");
            value.RejectUnknown();
            if (number < 0 || (unit == "ratio" && number > 1))
            {
                value.Error("value", unit == "ratio" ? ProblemMessage.Of("incentives.pack.ratio") : ProblemMessage.Of("incentives.pack.negative"), value.LineOf("value"));
            }
            else if (from is not null && number is not null)
            {
                values.Add(new ParameterValue(from.Value, number.Value));
            }
        }

        item.RejectUnknown();
        return name is null || unit is null ? null : new ProgramParameter(name, unit, target, note, values);
    }

    private static Condition? ReadCondition(YamlFields item, FactCatalog facts, IReadOnlyList<ProgramParameter> parameters)
    {
        var id = item.Value("id");
        var name = item.Text("name");
        var factKey = item.Value("fact");
        var fact = factKey is null ? null : facts.Find(factKey);
        if (factKey is not null && fact is null)
        {
            item.Error("fact", ProblemMessage.Of("incentives.pack.fact-undeclared", factKey, FactsFile), item.LineOf("fact"));
        }

        var present = Operators.Where(item.Has).ToList();
        if (present.Count != 1)
        {
            item.Error("(operator)", ProblemMessage.Of("incentives.pack.one-operator", Operators.ToList()));
            item.RejectUnknown();
            return null;
        }

        var op = present[0];
        var operands = op == "in" ? item.Strings("in") : [item.Value(op) ?? ""];
        item.RejectUnknown();
        if (fact is null || id is null || name is null)
        {
            return null;
        }

        var valid = (op, fact.Type) switch
        {
            ("holds", FactType.Qualifications) => fact.Choices.Contains(operands[0]) ? null : ProblemMessage.Of("incentives.pack.not-a-qualification", operands[0], FactsFile),
            ("holds", _) => ProblemMessage.Of("incentives.pack.holds-qualifications-only"),
            (_, FactType.Qualifications) => ProblemMessage.Of("incentives.pack.qualifications-with-holds"),
            ("is", FactType.Flag) => operands[0] is "true" or "false" ? null : ProblemMessage.Of("incentives.pack.is-true-or-false"),
            ("is", _) or (_, FactType.Flag) => ProblemMessage.Of("incentives.pack.flag-with-is"),
            ("at_least" or "at_most", FactType.Money or FactType.Number) =>
                decimal.TryParse(operands[0].Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture, out _) || parameters.Any(p => p.Name == operands[0])
                    ? null : ProblemMessage.Of("incentives.pack.neither-number-nor-parameter", operands[0]),
            ("at_least" or "at_most", _) => ProblemMessage.Of("incentives.pack.compare-money-and-numbers-only"),
            (_, FactType.Money or FactType.Number) => ProblemMessage.Of("incentives.pack.numbers-with-at-least-or-at-most"),
            _ => operands.FirstOrDefault(o => fact.Parse(o, out _) is null) is { } bad ? ProblemMessage.Of("incentives.pack.not-a-value", bad, fact.Key) : null,
        };
        if (valid is not null)
        {
            item.Error(op, valid, item.LineOf(op));
            return null;
        }

        var normalised = op is "at_least" or "at_most" ? operands.Select(o => o.Replace("_", "", StringComparison.Ordinal)).ToList() : operands;
        var parsedOp = op switch
        {
            "equals" => ConditionOperator.Equals,
            "in" => ConditionOperator.In,
            "at_least" => ConditionOperator.AtLeast,
            "at_most" => ConditionOperator.AtMost,
            "is" => ConditionOperator.Is,
            _ => ConditionOperator.Holds,
        };
        return new Condition(id, name, fact.Key, parsedOp, normalised, fact);
    }

    private static Formula? ReadFormula(YamlFields award, FactCatalog facts, IReadOnlyList<ProgramParameter> parameters)
    {
        var text = award.Value("maximum");
        if (text is null)
        {
            return null;
        }

        try
        {
            var formula = Formula.Parse(text);
            foreach (var name in formula.Names().Distinct())
            {
                if (parameters.All(p => p.Name != name) && facts.Find(name) is not { IsNumeric: true })
                {
                    award.Error("maximum", ProblemMessage.Of("incentives.pack.formula.unknown-name", name), award.LineOf("maximum"));
                    return null;
                }
            }

            return formula;
        }
        catch (FormulaFormatException e)
        {
            award.Error("maximum", e.Problem, award.LineOf("maximum"));
            return null;
        }
    }

    private static string? ParameterName(YamlFields? fields, string key, IReadOnlyList<ProgramParameter> parameters, bool required = false)
    {
        var name = fields?.Value(key, required);
        if (fields is null && required)
        {
            return null;
        }

        if (name is not null && parameters.All(p => p.Name != name))
        {
            fields!.Error(key, ProblemMessage.Of("incentives.pack.not-a-parameter", name), fields.LineOf(key));
            return null;
        }

        return name;
    }
}
