using System.Net;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Web;

namespace Funeng.Platform.Tests.Api;

/// <summary>
/// Bad input is answered 400 problem details naming the field, in Development as in Production, for every endpoint
/// of the OpenAPI document (so an endpoint added later is covered without editing this test).
/// </summary>
public abstract class BadInputTests(EnvironmentApp app)
{
    private static readonly byte[] Unreadable = Encoding.UTF8.GetBytes("{\"");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_POST_PUT_and_PATCH_endpoint_answers_an_unreadable_body_with_400_problem_details_naming_the_field()
    {
        var api = await ApiSurface.ReadAsync(app, Cancel);
        var writes = api.Operations.Where(o => o.Method is "POST" or "PUT" or "PATCH" && o.TakesJson).ToList();
        Assert.True(writes.Count >= 20, $"only {writes.Count} JSON write endpoints found in /openapi/v1.json");
        var wrong = new List<string>();
        foreach (var operation in writes)
        {
            var answer = (await api.SendAsync(operation.Method, operation.Url(), Unreadable, Cancel))[^1];
            if (answer.Status != HttpStatusCode.BadRequest || answer.ContentType != "application/problem+json" || NamedFields(answer.Body).Count == 0)
            {
                wrong.Add($"{operation}: {(int)answer.Status} {answer.ContentType} {Shorten(answer.Body)}");
            }
        }

        Assert.True(wrong.Count == 0, $"{app.Environment}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Bad_route_and_query_values_answer_400_problem_details_never_500()
    {
        var api = await ApiSurface.ReadAsync(app, Cancel);
        var wrong = new List<string>();
        var checkedValues = 0;
        foreach (var operation in api.Operations)
        {
            foreach (var (name, type, format) in operation.Parameters("path").Where(p => p.Type is "integer" or "number" || p.Format == "uuid"))
            {
                checkedValues++;
                var answer = (await api.SendAsync(operation.Method, operation.Url(name, "abc"), operation.TakesJson ? "{}"u8.ToArray() : null, Cancel))[^1];
                // A route constrained to {id:guid} does not match "abc" at all: 404, which is right for a path that names nothing.
                if (answer.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound) || answer.ContentType != "application/problem+json"
                    || (answer.Status == HttpStatusCode.BadRequest && !NamedFields(answer.Body).Contains(name)))
                {
                    wrong.Add($"{operation} with {name}=abc: {(int)answer.Status} {answer.ContentType} {Shorten(answer.Body)}");
                }
            }

            foreach (var (name, _, _) in operation.Parameters("query").Where(p => p.Type is "integer" or "number" or "boolean" || p.Format == "uuid"))
            {
                checkedValues++;
                var url = operation.Url() + "?" + name + "=abc";
                var answer = (await api.SendAsync(operation.Method, url, operation.TakesJson ? "{}"u8.ToArray() : null, Cancel))[^1];
                if (answer.Status != HttpStatusCode.BadRequest || answer.ContentType != "application/problem+json" || !NamedFields(answer.Body).Contains(name))
                {
                    wrong.Add($"{operation} with ?{name}=abc: {(int)answer.Status} {answer.ContentType} {Shorten(answer.Body)}");
                }
            }
        }

        Assert.True(checkedValues >= 5, $"only {checkedValues} typed route or query values found");
        Assert.True(wrong.Count == 0, $"{app.Environment}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_year_that_is_not_a_number_answers_400_naming_year()
    {
        var answer = await app.Anonymous().GetAsync("/api/v1/index?year=abc", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("year", NamedFields(await answer.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task A_qualification_sent_as_a_string_answers_400_naming_the_field()
    {
        using var body = new StringContent("""{"facts":{"values":{},"qualifications":"high_tech"}}""", Encoding.UTF8, "application/json");
        var answer = await app.Anonymous().PostAsync("/api/v1/incentives/eligibility", body, Cancel);
        var text = await answer.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("facts.qualifications", NamedFields(text));
        Assert.False(ApiSurface.CarriesStackTrace(text), text);
    }

    [Fact]
    public async Task The_problem_is_told_in_the_readers_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/index?year=abc&culture=en");
        var english = await (await app.Anonymous().SendAsync(request, Cancel)).Content.ReadAsStringAsync(Cancel);
        var chinese = await (await app.Anonymous().GetAsync("/api/v1/index?year=abc", Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Equal("'abc' is not a whole number.", FirstMessage(english, "year"));
        Assert.Equal("“abc”不是整数。", FirstMessage(chinese, "year"));

        // An API client's Accept-Language is heeded; a page's is not (the portal opens in Chinese until English is chosen).
        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/v1/index?year=abc");
        header.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var heeded = await (await app.Anonymous().SendAsync(header, Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Equal("'abc' is not a whole number.", FirstMessage(heeded, "year"));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/catalog");
        page.Headers.AcceptLanguage.ParseAdd("en");
        var html = await (await app.Anonymous().SendAsync(page, Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("lang=\"zh", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_object_as_the_enterprise_profile_answers_400_not_500()
    {
        var enterprise = await app.CreateUserAsync(Funeng.Kernel.Security.Roles.Enterprise);
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        var answer = await enterprise.Client.PutAsync("/api/v1/incentives/profile", body, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.NotEmpty(NamedFields(await answer.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public async Task A_query_string_of_3000_characters_answers_a_414_problem_naming_the_limit()
    {
        var answer = await app.Anonymous().GetAsync("/api/v1/catalog/search?q=" + Uri.EscapeDataString(new string('智', 3000)), Cancel);
        var text = await answer.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains(QueryLengthLimit.MaxCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("query", NamedFields(text));
    }

    [Fact]
    public async Task A_query_string_under_the_limit_still_reaches_the_endpoint()
    {
        var answer = await app.Anonymous().GetAsync("/api/v1/catalog/search?q=" + Uri.EscapeDataString(new string('智', 200)), Cancel);
        Assert.NotEqual(HttpStatusCode.RequestUriTooLong, answer.StatusCode);
    }

    /// <summary>The fields named by a problem: the keys of <c>errors</c> and the <c>field</c> extension.</summary>
    internal static HashSet<string> NamedFields(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var fields = new HashSet<string>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return fields;
            }

            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                fields.UnionWith(errors.EnumerateObject().Select(e => e.Name));
            }

            if (document.RootElement.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String)
            {
                fields.Add(field.GetString()!);
            }

            return fields;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? FirstMessage(string body, string field)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
    }

    internal static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}

public sealed class BadInputInDevelopmentTests(DevelopmentApp app) : BadInputTests(app), IClassFixture<DevelopmentApp>;

public sealed class BadInputInProductionTests(ProductionApp app) : BadInputTests(app), IClassFixture<ProductionApp>;
