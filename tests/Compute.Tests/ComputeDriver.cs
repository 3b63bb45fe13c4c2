using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Funeng.Compute.Registry;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Funeng.TestSupport;

namespace Funeng.Compute.Tests;

/// <summary>Intent methods over the Compute API, so tests read as what a user does.</summary>
internal static class ComputeDriver
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new WordedMessage() } };

    /// <summary>An accelerator model no other test uses, so each test's requests can only land on its own pools.</summary>
    public static string UniqueAccelerator() => $"T-{Guid.NewGuid():N}"[..12];

    public static async Task<CentreView> RegisterCentreAsync(ActingUser office, string name, string city, string accelerator, int devices, decimal price, string engine = "simulator", Guid? operatorOrg = null)
    {
        var created = await office.Client.PostAsJsonAsync("/api/v1/compute/centres", new { nameZh = name + "中心", nameEn = name, operatorOrganisationId = operatorOrg ?? Guid.NewGuid(), city, tier = "provincial" }, Json, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var centre = (await created.Content.ReadFromJsonAsync<CentreView>(Json, Ct))!;
        var pool = await office.Client.PostAsJsonAsync($"/api/v1/compute/centres/{centre.Id}/pools",
            new { name = name.ToLowerInvariant() + "-pool", accelerator, devices, fp16Tflops = 312.0, fp32Tflops = 19.5, memoryGb = 80.0, interconnect = "NVLink", pricePerDeviceHour = price, engine }, Json, Ct);
        Assert.Equal(HttpStatusCode.Created, pool.StatusCode);
        var latency = await office.Client.PutAsJsonAsync($"/api/v1/compute/centres/{centre.Id}/latencies/{city}", new { milliseconds = 0.5 }, Json, Ct);
        Assert.Equal(HttpStatusCode.NoContent, latency.StatusCode);
        return centre;
    }

    public static async Task<VoucherView> GrantAsync(ActingUser office, Guid organisation, string unit, decimal amount)
    {
        var response = await office.Client.PostAsJsonAsync("/api/v1/compute/vouchers", new { organisationId = organisation, unit, amount, note = "test voucher" }, Json, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VoucherView>(Json, Ct))!;
    }

    public static async Task<RequestView> SubmitAsync(ActingUser enterprise, string accelerator, int devices, double hours, Guid[]? vouchers = null, string city = "guangzhou", string? template = null, Dictionary<string, object>? arguments = null, string? sector = null)
    {
        var response = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests",
            new { title = "train a model", accelerators = new[] { accelerator }, devices, estimatedHours = hours, dataCity = city, maxLatencyMs = 1.0, voucherIds = vouchers ?? [], template, arguments, sector }, Json, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RequestView>(Json, Ct))!;
    }

    public static async Task<RequestView> GetAsync(ActingUser user, Guid id) =>
        (await user.Client.GetFromJsonAsync<RequestView>($"/api/v1/compute/requests/{id}", Json, Ct))!;

    public static async Task<IReadOnlyList<VoucherView>> VouchersAsync(ActingUser user) =>
        (await user.Client.GetFromJsonAsync<List<VoucherView>>("/api/v1/compute/vouchers/mine", Json, Ct))!;

    public static async Task RoundAsync(ActingUser office)
    {
        var response = await office.Client.PostAsync("/api/v1/compute/rounds", null, Ct);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<IReadOnlyList<ScopeCapacity>> CapacityAsync(ITestApp app) =>
        (await app.Anonymous().GetFromJsonAsync<List<ScopeCapacity>>("/api/v1/compute/capacity", Json, Ct))!;

    /// <summary>A province-wide goal of installed EFLOPS by a year, as the Guangdong pack states them (40 by 2025, 60 by 2027).</summary>
    public static PolicyTarget ProvinceEflopsGoal(int year, decimal eflops)
    {
        var document = new LocalizedText("广东省人工智能赋能行动方案", "Guangdong AI empowerment action plan");
        return new PolicyTarget($"gd-compute-eflops-{year}", "guangdong", TargetKind.Goal, "compute_capacity", new LocalizedText("全省算力规模", "Provincial computing power"),
            Comparator.MoreThan, eflops, TargetUnit.Eflops, null, year, "province", true, null, null, null, document,
            new MeasureReference("gd-2024-ai-empowerment", "objectives", document, "policies/guangdong/documents/gd-2024-ai-empowerment.yaml"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The API sends a message worded in the request's language; a test reads it back as that text.</summary>
    private sealed class WordedMessage : JsonConverter<ProblemMessage>
    {
        public override ProblemMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ProblemMessage.Fixed(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, ProblemMessage value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
