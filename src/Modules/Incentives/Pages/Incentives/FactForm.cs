using System.Globalization;
using Funeng.Incentives.Rules;
using Microsoft.AspNetCore.Http;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>Facts as plain form fields (<c>f.city</c>, <c>q.code</c> + <c>q.from</c>), so the pages work without JavaScript.</summary>
internal static class FactForm
{
    public static FactValues Read(IFormCollection form, FactCatalog catalog)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fact in catalog.All.Where(f => f.Type != FactType.Qualifications))
        {
            if (form.TryGetValue("f." + fact.Key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                values[fact.Key] = value.ToString();
            }
        }

        var qualifications = new List<Qualification>();
        if (form.TryGetValue("q.code", out var code) && !string.IsNullOrWhiteSpace(code))
        {
            values["qualifications"] = "answered";
            var from = DateOnly.TryParse(form["q.from"], CultureInfo.InvariantCulture, out var d) ? d : DateOnly.MinValue;
            qualifications.Add(new Qualification(code.ToString(), from));
        }
        else if (form.ContainsKey("q.none"))
        {
            values["qualifications"] = "answered";
        }

        return new FactValues(values, qualifications);
    }
}
