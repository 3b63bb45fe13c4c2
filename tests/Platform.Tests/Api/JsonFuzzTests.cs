using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Funeng.Platform.Tests.Api;

/// <summary>
/// Every JSON endpoint of the OpenAPI document gets malformed, oversized, wrongly typed, duplicated-key and
/// non-UTF-8 bodies; none may answer 500 or show anything of an exception. Bounded: at most
/// <see cref="PerEndpoint"/> bodies per endpoint, a fixed seed, and a time limit on the whole run.
/// </summary>
public abstract class JsonFuzzTests(EnvironmentApp app)
{
    /// <summary>The most bodies sent to one endpoint.</summary>
    public const int PerEndpoint = 24;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = 600_000)]
    public async Task No_JSON_endpoint_answers_500_or_a_stack_trace_to_any_body()
    {
        var api = await ApiSurface.ReadAsync(app, Cancel);
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Cancel));
        var schemas = document.RootElement.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var random = new Random(20261203);
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in api.Operations.Where(o => o.TakesJson))
        {
            var schema = Resolve(BodySchema(operation.Operation), schemas);
            foreach (var body in Bodies(schema, schemas, random).Take(PerEndpoint))
            {
                sent++;
                foreach (var answer in await api.SendAsync(operation.Method, operation.Url(), body, Cancel))
                {
                    if ((int)answer.Status >= 500 || ApiSurface.CarriesStackTrace(answer.Body))
                    {
                        failures.Add($"{operation} with {Describe(body)}: {(int)answer.Status} {BadInputTests.Shorten(answer.Body)}");
                    }
                }
            }
        }

        Assert.True(sent >= 200, $"only {sent} bodies sent");
        Assert.True(failures.Count == 0, $"{app.Environment}: {failures.Count} of {sent} bodies failed:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>The fuzzed bodies for one endpoint: fixed hostile shapes first, then one wrong type per property.</summary>
    private static IEnumerable<byte[]> Bodies(JsonElement schema, JsonElement schemas, Random random)
    {
        yield return [];
        yield return "{"u8.ToArray();
        yield return "{\"a\":}"u8.ToArray();
        yield return "null"u8.ToArray();
        yield return "[]"u8.ToArray();
        yield return "{}"u8.ToArray();
        yield return "\"text\""u8.ToArray();
        yield return [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00];                      // UTF-16 with a BOM
        yield return [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']; // invalid UTF-8 in a string
        yield return Encoding.UTF8.GetBytes(new string('[', 2000));            // deeper than the reader allows
        yield return Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', 2_000_000) + "\"}"); // oversized
        var properties = Properties(schema, schemas).ToList();
        var valid = new JsonObject();
        foreach (var (name, type) in properties)
        {
            valid[name] = Plausible(type);
        }

        // Every property twice (the second wins or the body is refused, but never a 500).
        var duplicated = string.Join(",", properties.Select(p => $"\"{p.Name}\":{Plausible(p.Type)?.ToJsonString() ?? "null"}"));
        yield return Encoding.UTF8.GetBytes("{" + duplicated + (duplicated.Length > 0 ? "," + duplicated : "") + "}");
        yield return Encoding.UTF8.GetBytes(valid.ToJsonString());
        foreach (var (name, type) in properties.OrderBy(_ => random.Next()))
        {
            var wrong = (JsonObject)valid.DeepClone();
            wrong[name] = Wrong(type);
            yield return Encoding.UTF8.GetBytes(wrong.ToJsonString());
            var missing = (JsonObject)valid.DeepClone();
            missing[name] = null;
            yield return Encoding.UTF8.GetBytes(missing.ToJsonString());
        }
    }

    private static JsonElement BodySchema(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").EnumerateObject()
            .First(c => c.Name.Contains("json", StringComparison.OrdinalIgnoreCase)).Value
            .TryGetProperty("schema", out var schema) ? schema : default;

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var depth = 0; depth < 5 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); depth++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (schemas.ValueKind != JsonValueKind.Object || !schemas.TryGetProperty(name, out schema))
            {
                return default;
            }
        }

        return schema;
    }

    private static IEnumerable<(string Name, string Type)> Properties(JsonElement schema, JsonElement schemas)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var resolved = Resolve(property.Value, schemas);
            var type = resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("type", out var t)
                ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") ?? "string" : t.GetString() ?? "string"
                : "object";
            yield return (property.Name, type);
        }
    }

    private static JsonNode? Plausible(string type) => type switch
    {
        "integer" => 1,
        "number" => 1.5m,
        "boolean" => true,
        "array" => new JsonArray(),
        "object" => new JsonObject(),
        _ => "x",
    };

    private static JsonNode Wrong(string type) => type switch
    {
        "integer" or "number" => "not a number",
        "boolean" => "maybe",
        "array" => "not a list",
        "object" => new JsonArray(1, 2),
        _ => new JsonObject { ["nested"] = 1 },
    };

    private static string Describe(byte[] body) =>
        body.Length > 80 ? $"{body.Length} bytes" : Encoding.UTF8.GetString(body);
}

public sealed class JsonFuzzInDevelopmentTests(DevelopmentApp app) : JsonFuzzTests(app), IClassFixture<DevelopmentApp>;

public sealed class JsonFuzzInProductionTests(ProductionApp app) : JsonFuzzTests(app), IClassFixture<ProductionApp>;
