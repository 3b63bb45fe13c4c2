using System.Globalization;
using Funeng.Incentives.Rules;
using Microsoft.AspNetCore.Http;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>Facts as plain form fields (<c>f.city</c>, <c>q.code</c> + <c>q.from</c>), so the pages work without JavaScript.</summary>
internal static class FactForm
{
    /// <summary>Facts carried in a link (the calculator's "apply" hands its typed facts to the application form).</summary>
    public static FactValues Read(IQueryCollection query, FactCatalog catalog) =>
        Read(new FormCollection(query.ToDictionary(q => q.Key, q => q.Value)), catalog);

    /// <summary>The fields that carry <paramref name="facts"/>: hidden inputs of the check-your-answers step, a link's query.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(FactValues facts)
    {
        var fields = facts.Values.Where(v => v.Key != "qualifications").Select(v => KeyValuePair.Create("f." + v.Key, v.Value)).ToList();
        if (facts.Qualifications.Count > 0 && facts.Qualifications[0] is var held)
        {
            fields.Add(KeyValuePair.Create("q.code", held.Code));
            fields.Add(KeyValuePair.Create("q.from", held.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else if (facts.Values.ContainsKey("qualifications"))
        {
            fields.Add(KeyValuePair.Create("q.none", "1"));
        }

        return fields;
    }

    /// <summary>A query string carrying <paramref name="facts"/>, for a link.</summary>
    public static string Query(FactValues facts) =>
        QueryString.Create(Fields(facts).Select(f => KeyValuePair.Create(f.Key, (string?)f.Value))).ToUriComponent();

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
