using Funeng.Kernel.Web;

namespace Funeng.Kernel.Organisations;

/// <summary>
/// The unified social credit code of GB 32100-2015: 18 characters = registration authority (1), organisation
/// category (1), administrative division (6 digits), organisation code of GB 11714 (9, with its own check
/// character) and a check character over the first 17.
/// </summary>
public static class CreditCode
{
    // GB 32100 leaves out I, O, S, V and Z, so 31 symbols with values 0..30.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// Null when <paramref name="code"/> is a well-formed code; otherwise why it is not, told in the reader's language
    /// (callers nest it in their own message, e.g. "not a valid unified social credit code: …").
    /// </summary>
    public static ProblemMessage? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 18)
        {
            return ProblemMessage.Of("credit-code.length", code.Length);
        }

        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
            {
                return ProblemMessage.Of("credit-code.character", i + 1, code[i].ToString());
            }
        }

        if (!code[2..8].All(char.IsAsciiDigit))
        {
            return ProblemMessage.Of("credit-code.division");
        }

        var expected = CheckCharacter(code.AsSpan(0, 17));
        if (code[17] != expected)
        {
            return ProblemMessage.Of("credit-code.check", code[17].ToString(), expected.ToString());
        }

        var organisationCheck = OrganisationCodeCheck(code.AsSpan(8, 8));
        return code[16] == organisationCheck
            ? null
            : ProblemMessage.Of("credit-code.organisation-check", code[16].ToString(), organisationCheck.ToString());
    }

    public static bool IsValid(string code) => Problem(code) is null;

    /// <summary>The 18th character for the first 17.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The check character of the GB 11714 organisation code (its 9th character) for its first 8.</summary>
    public static char OrganisationCodeCheck(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrganisationCodeWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var value => (char)('0' + value),
        };
    }
}
