using System.Security.Cryptography;
using Funeng.Kernel.Organisations;

namespace Funeng.TestSupport;

/// <summary>Fresh, valid unified social credit codes for registrations in tests.</summary>
public static class TestCreditCodes
{
    /// <summary>A random Guangzhou code with both check characters computed (GB 32100 and GB 11714).</summary>
    public static string New()
    {
        var organisationCode = RandomNumberGenerator.GetString("0123456789", 8);
        var first17 = "91440101" + organisationCode + CreditCode.OrganisationCodeCheck(organisationCode);
        return first17 + CreditCode.CheckCharacter(first17);
    }
}
