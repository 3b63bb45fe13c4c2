using System.Globalization;
using System.Text.Json.Serialization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Incentives.Rules;

/// <summary>
/// An award formula as a policy officer writes it: numbers, parameter and fact names, + - * /, parentheses,
/// min(...) and max(...). Parsed once when the pack is read and compiled for a date by <see cref="EligibilityEngine"/>;
/// each node's arithmetic, and the text that explains it, is written once, here.
/// </summary>
internal abstract record Formula
{
    public static Formula Parse(string text)
    {
        var parser = new FormulaParser(text);
        var formula = parser.Expression();
        parser.End();
        return formula;
    }

    /// <summary>Every name the formula reads.</summary>
    public abstract IEnumerable<string> Names();

    /// <summary>The formula as written, each name shown by <paramref name="nameOf"/> (a reader's label for a parameter or fact code).</summary>
    public abstract string Describe(Func<string, string> nameOf);

    /// <summary>The formula with its names as codes, as a pack writes it and the steps of a run show it.</summary>
    public sealed override string ToString() => Describe(static name => name);

    /// <summary>
    /// The formula as delegates. <paramref name="parameters"/> holds every program parameter with its value on the
    /// date (null when unset: the program cannot award yet); any other name is a fact, read from each applicant.
    /// </summary>
    public abstract FormulaNode Compile(IReadOnlyDictionary<string, decimal?> parameters);

    public static string Show(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    internal sealed record Number(decimal Value) : Formula
    {
        public override IEnumerable<string> Names() => [];

        public override FormulaNode Compile(IReadOnlyDictionary<string, decimal?> parameters)
        {
            var value = Value;
            return (Facts _, ref FormulaRun _) => value;
        }

        public override string Describe(Func<string, string> nameOf) => Show(Value);
    }

    internal sealed record Name(string Key) : Formula
    {
        public override IEnumerable<string> Names() => [Key];

        public override FormulaNode Compile(IReadOnlyDictionary<string, decimal?> parameters)
        {
            var key = Key;
            if (parameters.TryGetValue(key, out var value))
            {
                return (Facts _, ref FormulaRun run) =>
                {
                    if (value is null)
                    {
                        run.Missed(key);
                    }

                    return value;
                };
            }

            return (Facts facts, ref FormulaRun run) =>
            {
                var fact = facts.Number(key);
                if (fact is null)
                {
                    run.FactMissing = true;
                    run.Missed(key);
                }

                return fact;
            };
        }

        public override string Describe(Func<string, string> nameOf) => nameOf(Key);
    }

    internal sealed record Binary(char Operator, Formula Left, Formula Right) : Formula
    {
        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());

        public override FormulaNode Compile(IReadOnlyDictionary<string, decimal?> parameters)
        {
            var (left, right, op) = (Left.Compile(parameters), Right.Compile(parameters), Operator);
            return (Facts facts, ref FormulaRun run) =>
            {
                // Both sides always run, so every missing name is found, not only the first.
                var l = left(facts, ref run);
                var r = right(facts, ref run);
                if (l is not { } a || r is not { } b)
                {
                    return null;
                }

                if (op == '/' && b == 0)
                {
                    run.DivisionByZero = true;
                    run.Missing?.Add($"{Right} (division by zero)");
                    return null;
                }

                var result = op switch { '+' => a + b, '-' => a - b, '*' => a * b, _ => a / b };
                run.Steps?.Add((this, $"{Show(a)} {Symbol} {Show(b)} = {Show(result)}"));
                return result;
            };
        }

        private string Symbol => Operator == '*' ? "×" : Operator.ToString();

        public override string Describe(Func<string, string> nameOf) => $"{Wrap(Left, nameOf)} {Symbol} {Wrap(Right, nameOf)}";

        private static string Wrap(Formula f, Func<string, string> nameOf) => f is Binary ? $"({f.Describe(nameOf)})" : f.Describe(nameOf);
    }

    internal sealed record Call(string Function, IReadOnlyList<Formula> Arguments) : Formula
    {
        public override IEnumerable<string> Names() => Arguments.SelectMany(a => a.Names());

        public override FormulaNode Compile(IReadOnlyDictionary<string, decimal?> parameters)
        {
            var arguments = Arguments.Select(a => a.Compile(parameters)).ToArray();
            var min = Function == "min";
            return (Facts facts, ref FormulaRun run) =>
            {
                var shown = run.Steps is null ? null : new decimal[arguments.Length];
                decimal? result = null;
                var missing = false;
                for (var i = 0; i < arguments.Length; i++)
                {
                    if (arguments[i](facts, ref run) is not { } value)
                    {
                        missing = true;
                        continue;
                    }

                    result = result is not { } r ? value : min ? Math.Min(r, value) : Math.Max(r, value);
                    shown?[i] = value;
                }

                if (missing)
                {
                    return null;
                }

                run.Steps?.Add((this, $"{Function}({string.Join(", ", shown!.Select(Show))}) = {Show(result!.Value)}"));
                return result;
            };
        }

        public override string Describe(Func<string, string> nameOf) => $"{Function}({string.Join(", ", Arguments.Select(a => a.Describe(nameOf)))})";
    }
}

/// <summary>
/// A formula in a step of a trace, worded when it is read: each code by its label in the reader's language
/// (<see cref="CodeLabels"/>). An award's stored trace keeps it as the codes (<see cref="Text"/>).
/// </summary>
internal sealed record FormulaText([property: JsonIgnore] Formula Formula, [property: JsonIgnore] FactCatalog? Facts) : IReaderText
{
    public string Text => Formula.ToString();

    public string WordedIn(UiText text, CultureInfo culture) => Formula.Describe(code => CodeLabels.Of(text, Facts, code, culture));

    public override string ToString() => Text;
}

/// <summary>One node of a compiled <see cref="Formula"/>: its value for one applicant's facts, or null when a value is missing.</summary>
internal delegate decimal? FormulaNode(Facts facts, ref FormulaRun run);

/// <summary>
/// What one evaluation of a formula found besides its value. <see cref="Missing"/> and <see cref="Steps"/> are
/// null unless someone asks why: the screening evaluates without them and allocates nothing.
/// </summary>
internal struct FormulaRun
{
    /// <summary>A fact the formula reads has no value: the answer is unknown until the applicant gives it.</summary>
    public bool FactMissing;

    public bool DivisionByZero;

    /// <summary>Names without a value, once each, and "x (division by zero)".</summary>
    public List<string>? Missing;

    /// <summary>Each operation with known operands, and its values and result ("0.3 × 1,000,000 = 300,000").</summary>
    public List<(Formula Operation, string Values)>? Steps;

    public readonly void Missed(string name)
    {
        if (Missing is not null && !Missing.Contains(name))
        {
            Missing.Add(name);
        }
    }
}

/// <summary>Recursive descent over the formula text; errors name the position.</summary>
internal sealed class FormulaParser(string text)
{
    private int _at;

    public Formula Expression()
    {
        var left = Term();
        while (Peek() is '+' or '-')
        {
            var op = text[_at++];
            left = new Formula.Binary(op, left, Term());
        }

        return left;
    }

    public void End()
    {
        if (Peek() is { } c)
        {
            throw new FormulaFormatException(ProblemMessage.Of("incentives.pack.formula.unexpected", c, _at + 1));
        }
    }

    private Formula Term()
    {
        var left = Factor();
        while (Peek() is '*' or '/' or '×')
        {
            var op = text[_at++] == '/' ? '/' : '*';
            left = new Formula.Binary(op, left, Factor());
        }

        return left;
    }

    private Formula Factor()
    {
        var c = Peek() ?? throw new FormulaFormatException(ProblemMessage.Of("incentives.pack.formula.ends-early"));
        if (c == '(')
        {
            _at++;
            var inner = Expression();
            Expect(')');
            return inner;
        }

        if (char.IsAsciiDigit(c))
        {
            var start = _at;
            while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] is '.' or '_'))
            {
                _at++;
            }

            var digits = text[start.._at];
            return decimal.TryParse(digits.Replace("_", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? new Formula.Number(number)
                : throw new FormulaFormatException(ProblemMessage.Of("incentives.pack.formula.not-number", digits, start + 1));
        }

        if (char.IsAsciiLetterLower(c))
        {
            var start = _at;
            while (_at < text.Length && (char.IsAsciiLetterLower(text[_at]) || char.IsAsciiDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }

            var name = text[start.._at];
            if (Peek() != '(')
            {
                return new Formula.Name(name);
            }

            if (name is not ("min" or "max"))
            {
                throw new FormulaFormatException(ProblemMessage.Of("incentives.pack.formula.unknown-function", name));
            }

            _at++;
            var arguments = new List<Formula> { Expression() };
            while (Peek() == ',')
            {
                _at++;
                arguments.Add(Expression());
            }

            Expect(')');
            return new Formula.Call(name, arguments);
        }

        throw new FormulaFormatException(ProblemMessage.Of("incentives.pack.formula.unexpected", c, _at + 1));
    }

    private char? Peek()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
        {
            _at++;
        }

        return _at < text.Length ? text[_at] : null;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new FormulaFormatException(ProblemMessage.Of("incentives.pack.formula.expected", c, _at + 1));
        }

        _at++;
    }
}

/// <summary>A formula that cannot be read, with what is wrong in the reader's language (the pack reader names its file and line).</summary>
internal sealed class FormulaFormatException : FormatException
{
    public FormulaFormatException(ProblemMessage problem)
        : base(problem?.ToString())
    {
        Problem = problem ?? throw new ArgumentNullException(nameof(problem));
    }

    public ProblemMessage Problem { get; }
}
