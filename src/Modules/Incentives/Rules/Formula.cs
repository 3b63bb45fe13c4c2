using System.Globalization;

namespace Funeng.Incentives.Rules;

/// <summary>
/// An award formula as a policy officer writes it: numbers, parameter and fact names, + - * /, parentheses,
/// min(...) and max(...). Parsed once when the pack is read; evaluating it records every step with its values.
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

    /// <summary>
    /// The value, or null when a name has no value (it is added to <paramref name="missing"/>). Each operation
    /// with known operands is added to <paramref name="steps"/> as "text = values = result".
    /// </summary>
    public abstract decimal? Evaluate(Func<string, decimal?> valueOf, ICollection<string> missing, ICollection<string>? steps);

    public static string Show(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    internal sealed record Number(decimal Value) : Formula
    {
        public override IEnumerable<string> Names() => [];

        public override decimal? Evaluate(Func<string, decimal?> valueOf, ICollection<string> missing, ICollection<string>? steps) => Value;

        public override string ToString() => Show(Value);
    }

    internal sealed record Name(string Key) : Formula
    {
        public override IEnumerable<string> Names() => [Key];

        public override decimal? Evaluate(Func<string, decimal?> valueOf, ICollection<string> missing, ICollection<string>? steps)
        {
            var value = valueOf(Key);
            if (value is null && !missing.Contains(Key))
            {
                missing.Add(Key);
            }

            return value;
        }

        public override string ToString() => Key;
    }

    internal sealed record Binary(char Operator, Formula Left, Formula Right) : Formula
    {
        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());

        public override decimal? Evaluate(Func<string, decimal?> valueOf, ICollection<string> missing, ICollection<string>? steps)
        {
            var left = Left.Evaluate(valueOf, missing, steps);
            var right = Right.Evaluate(valueOf, missing, steps);
            if (left is null || right is null)
            {
                return null;
            }

            decimal? result = Operator switch
            {
                '+' => left + right,
                '-' => left - right,
                '*' => left * right,
                _ => right == 0 ? null : left / right,
            };
            if (result is null)
            {
                missing.Add($"{Right} (division by zero)");
                return null;
            }

            steps?.Add($"{this} = {Show(left.Value)} {Symbol} {Show(right.Value)} = {Show(result.Value)}");
            return result;
        }

        private string Symbol => Operator == '*' ? "×" : Operator.ToString();

        public override string ToString() => $"{Wrap(Left)} {Symbol} {Wrap(Right)}";

        private static string Wrap(Formula f) => f is Binary ? $"({f})" : f.ToString()!;
    }

    internal sealed record Call(string Function, IReadOnlyList<Formula> Arguments) : Formula
    {
        public override IEnumerable<string> Names() => Arguments.SelectMany(a => a.Names());

        public override decimal? Evaluate(Func<string, decimal?> valueOf, ICollection<string> missing, ICollection<string>? steps)
        {
            var values = Arguments.Select(a => a.Evaluate(valueOf, missing, steps)).ToList();
            if (values.Any(v => v is null))
            {
                return null;
            }

            var result = Function == "min" ? values.Min()!.Value : values.Max()!.Value;
            steps?.Add($"{this} = {Function}({string.Join(", ", values.Select(v => Show(v!.Value)))}) = {Show(result)}");
            return result;
        }

        public override string ToString() => $"{Function}({string.Join(", ", Arguments)})";
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
            throw new FormatException($"unexpected '{c}' at position {_at + 1}");
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
        var c = Peek() ?? throw new FormatException("the formula ends too early");
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

            return new Formula.Number(decimal.Parse(text[start.._at].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
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
                throw new FormatException($"unknown function '{name}' (use min or max)");
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

        throw new FormatException($"unexpected '{c}' at position {_at + 1}");
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
            throw new FormatException($"expected '{c}' at position {_at + 1}");
        }

        _at++;
    }
}
