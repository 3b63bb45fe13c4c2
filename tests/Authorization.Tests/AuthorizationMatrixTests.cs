using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Authorization.Tests;

/// <summary>
/// Issue 15's authorisation matrix: every endpoint of the OpenAPI document, called through the real HTTP pipeline
/// by an anonymous client and by a user of each role, on the user's own organisation's objects and on another
/// organisation's, answers as <c>authorization-matrix.tsv</c> says. The table is the reviewed expectation; an
/// endpoint missing from it, or a row for an endpoint that no longer exists, fails the test.
/// </summary>
/// <remarks>
/// Outcomes are classes: <c>401</c>, <c>403</c>, <c>404</c> (hidden or absent) and <c>ok</c> (the gate let the
/// request through: any other status, including 400s for the minimal bodies sent here). A cell reads
/// <c>own/other</c> for endpoints that reach an organisation's object, a single class otherwise.
/// Set FUNENG_MATRIX_RECORD to a file path to write the observed table there (then review it before copying it in).
/// </remarks>
public sealed class AuthorizationMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string TableFile = "authorization-matrix.tsv";

    private static readonly Guid Placeholder = new("11111111-1111-1111-1111-111111111111");

    /// <summary>Path prefixes whose <c>{id}</c> (or <c>{organisationId}</c>) names an organisation's object.</summary>
    private static readonly (string Prefix, string Parameter, ObjectKind Kind)[] Owned =
    [
        ("/api/v1/scenarios/{id}", "id", ObjectKind.Scenario),
        ("/api/v1/catalog/listings/{id}", "id", ObjectKind.Listing),
        ("/api/v1/catalog/organisations/{id}", "id", ObjectKind.Organisation),
        ("/api/v1/incentives/applications/{id}", "id", ObjectKind.Application),
        ("/api/v1/incentives/profiles/{organisationId}", "organisationId", ObjectKind.Organisation),
        ("/api/v1/compute/requests/{id}", "id", ObjectKind.ComputeRequest),
        ("/api/v1/catalog/saved-searches/{id}", "id", ObjectKind.SavedSearch),
        ("/api/v1/compute/centres/{id}", "id", ObjectKind.ComputeCentre),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_answers_anonymous_users_and_each_role_as_the_table_says()
    {
        var endpoints = await ReadEndpointsAsync();
        var world = await MatrixWorld.BuildAsync(app);
        var anonymous = app.Anonymous();
        var observed = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var cells = new List<string> { Classify(await SendAsync(anonymous, endpoint, world.Other)) };
            foreach (var role in Roles.All)
            {
                var client = world.Actors[role].Client;
                var own = Classify(await SendAsync(client, endpoint, world.Own));
                cells.Add(endpoint.Kind is null ? own : $"{own}/{Classify(await SendAsync(client, endpoint, world.Other))}");
            }

            observed.Add($"{endpoint.Key}\t{string.Join('\t', cells)}");
        }

        if (Environment.GetEnvironmentVariable("FUNENG_MATRIX_RECORD") is { Length: > 0 } record)
        {
            await File.WriteAllLinesAsync(record, [Header, .. observed], Ct);
        }

        var expected = ReadTable();
        var problems = new StringBuilder();
        foreach (var line in observed)
        {
            var key = line[..line.IndexOf('\t', StringComparison.Ordinal)];
            if (!expected.TryGetValue(key, out var row))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"not in {TableFile} (observed; review before adding): {line}");
            }
            else if (row != line)
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"differs from {TableFile}:\n  expected {row}\n  observed {line}");
            }
        }

        foreach (var stale in expected.Keys.Except(endpoints.Select(e => e.Key)))
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"in {TableFile} but not in the OpenAPI document: {stale}");
        }

        Assert.True(problems.Length == 0, $"columns: {Header}\n{problems}");
    }

    [Fact]
    public async Task The_table_names_every_endpoint_of_the_OpenAPI_document_exactly_once()
    {
        var keys = (await ReadEndpointsAsync()).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, TableFile)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var rows = lines.Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(keys.Except(rows));
        Assert.All(lines, l => Assert.Equal(Roles.All.Count + 2, l.Split('\t').Length));
    }

    private static string Header => $"# endpoint\tanonymous\t{string.Join('\t', Roles.All)}";

    private static Dictionary<string, string> ReadTable() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, TableFile))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('\t', StringComparison.Ordinal)], l => l, StringComparer.Ordinal);

    private static string Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "401",
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.NotFound => "404",
        _ => "ok",
    };

    /// <summary>The API's operations, reads first (so writes cannot change what they find), each group in path order.</summary>
    private async Task<List<Endpoint>> ReadEndpointsAsync()
    {
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct));
        var endpoints = new List<Endpoint>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var parameters = new List<Parameter>();
                foreach (var list in new[] { path.Value, operation.Value })
                {
                    if (list.TryGetProperty("parameters", out var declared))
                    {
                        parameters.AddRange(declared.EnumerateArray().Select(Parameter.From));
                    }
                }

                var body = operation.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content)
                    ? content.EnumerateObject().Select(c => c.Name).ToList()
                    : [];
                var owned = Owned.FirstOrDefault(o => path.Name.StartsWith(o.Prefix, StringComparison.Ordinal)
                    && (path.Name.Length == o.Prefix.Length || path.Name[o.Prefix.Length] == '/'));
                endpoints.Add(new Endpoint(operation.Name.ToUpperInvariant(), path.Name, parameters, body, owned.Prefix is null ? null : owned));
            }
        }

        return endpoints.OrderBy(e => e.Method == "GET" ? 0 : 1).ThenBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Endpoint endpoint, OwnedObjects objects)
    {
        var url = new StringBuilder(endpoint.Path);
        var query = new List<string>();
        foreach (var parameter in endpoint.Parameters)
        {
            var value = endpoint.Kind is { } kind && parameter.Name == kind.Parameter && parameter.In == "path" ? objects.Ids[kind.Kind] : parameter.Sample();
            if (parameter.In == "path")
            {
                url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value));
            }
            else if (parameter.In == "query" && parameter.Required)
            {
                query.Add($"{parameter.Name}={Uri.EscapeDataString(value)}");
            }
        }

        if (query.Count > 0)
        {
            url.Append('?').Append(string.Join('&', query));
        }

        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url.ToString());
        if (endpoint.Body.Contains("application/json"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        else if (endpoint.Body.Any(b => b.StartsWith("multipart/", StringComparison.Ordinal)))
        {
            request.Content = new MultipartFormDataContent();
        }

        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private sealed record Endpoint(string Method, string Path, IReadOnlyList<Parameter> Parameters, IReadOnlyList<string> Body, (string Prefix, string Parameter, ObjectKind Kind)? Kind)
    {
        public string Key => $"{Method} {Path}";
    }

    private sealed record Parameter(string Name, string In, bool Required, string? Type, string? Format)
    {
        public static Parameter From(JsonElement p)
        {
            var schema = p.TryGetProperty("schema", out var s) ? s : default;
            string? Text(string name) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var v)
                ? v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.ToString()).FirstOrDefault(x => x != "null") : v.ToString()
                : null;
            return new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var r) && r.GetBoolean(), Text("type"), Text("format"));
        }

        /// <summary>A well-formed value that names nothing in particular.</summary>
        public string Sample() => (Type, Format) switch
        {
            (_, "uuid") => Placeholder.ToString(),
            ("integer", _) => "2026",
            ("number", _) => "1",
            ("boolean", _) => "false",
            _ => "x",
        };
    }
}
