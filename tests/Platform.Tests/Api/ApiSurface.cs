using System.Net;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace Funeng.Platform.Tests.Api;

/// <summary>
/// The app in a named environment (Development or Production), on its own SQLite file. The whole app, not Platform
/// alone: the fuzz and bad-input tests enumerate every module's endpoints from the OpenAPI document.
/// </summary>
public class EnvironmentApp(string environment) : SqliteApp
{
    public string Environment { get; } = environment;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environment);
    }
}

public sealed class DevelopmentApp() : EnvironmentApp("Development");

public sealed class ProductionApp() : EnvironmentApp("Production");

/// <summary>One operation of the OpenAPI document.</summary>
/// <param name="Method">POST, PUT, PATCH, GET or DELETE.</param>
/// <param name="Path">The path template, e.g. <c>/api/v1/index/{year}</c>.</param>
/// <param name="Operation">The operation object.</param>
public sealed record ApiOperation(string Method, string Path, JsonElement Operation)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Whether the operation takes a JSON body.</summary>
    public bool TakesJson => Operation.TryGetProperty("requestBody", out var body)
        && body.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(c => c.Name.Contains("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The parameters in <paramref name="location"/> (path or query) with their schema types.</summary>
    public IEnumerable<(string Name, string Type, string? Format)> Parameters(string location) =>
        Operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == location)
                .Select(p => (p.GetProperty("name").GetString()!, SchemaType(p), p.TryGetProperty("schema", out var s) && s.TryGetProperty("format", out var f) ? f.GetString() : null))
            : [];

    /// <summary>The path with every route value filled in: a fresh GUID, 1, or <paramref name="bad"/> for <paramref name="badName"/>.</summary>
    public string Url(string? badName = null, string? bad = null)
    {
        var url = Path;
        foreach (var (name, type, format) in Parameters("path"))
        {
            var value = name == badName ? bad! : format == "uuid" ? Guid.NewGuid().ToString() : type is "integer" or "number" ? "2025" : "x";
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
    }

    private static string SchemaType(JsonElement parameter)
    {
        if (!parameter.TryGetProperty("schema", out var schema) || !schema.TryGetProperty("type", out var type))
        {
            return "string";
        }

        // OpenAPI 3.1 writes nullable types as ["integer", "null"].
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")!
            : type.GetString()!;
    }
}

/// <summary>
/// The API as its OpenAPI document describes it, and one client per role (plus anonymous), so that tests cover every
/// endpoint, including one added later, without naming it.
/// </summary>
public sealed class ApiSurface
{
    private ApiSurface(IReadOnlyList<ApiOperation> operations, IReadOnlyList<HttpClient> clients)
    {
        Operations = operations;
        Clients = clients;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Anonymous first, then one client for each role.</summary>
    public IReadOnlyList<HttpClient> Clients { get; }

    public static async Task<ApiSurface> ReadAsync(FunengApp app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var anonymous = app.Anonymous();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json", cancellationToken));
        var operations = new List<ApiOperation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, operation.Value.Clone()));
            }
        }

        var clients = new List<HttpClient> { anonymous };
        foreach (var role in new[] { Roles.OfficeStaff, Roles.CityStaff, Roles.Enterprise, Roles.ScenarioOwner, Roles.Expert, Roles.ComputeOperator })
        {
            clients.Add((await app.CreateUserAsync(role)).Client);
        }

        return new ApiSurface(operations, clients);
    }

    /// <summary>Sends <paramref name="body"/> (raw bytes, declared as JSON) to <paramref name="url"/> as each client until one gets past authorisation.</summary>
    public async Task<List<(HttpStatusCode Status, string? ContentType, string Body)>> SendAsync(
        string method, string url, byte[]? body, CancellationToken cancellationToken, string contentType = "application/json")
    {
        var answers = new List<(HttpStatusCode, string?, string)>();
        foreach (var client in Clients)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, text));
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                break;
            }
        }

        return answers;
    }

    /// <summary>True when <paramref name="body"/> looks like a .NET stack trace or exception dump.</summary>
    public static bool CarriesStackTrace(string body) =>
        body.Contains("   at ", StringComparison.Ordinal) || body.Contains(".cs:line", StringComparison.Ordinal)
        || body.Contains("Exception:", StringComparison.Ordinal) || body.Contains("\"exception\"", StringComparison.OrdinalIgnoreCase)
        || body.Contains("stackTrace", StringComparison.OrdinalIgnoreCase);
}
