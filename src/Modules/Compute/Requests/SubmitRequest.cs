using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Jobs;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Security;
using Funeng.Kernel.Taxonomy;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>
/// What an enterprise asks for. Give acceptable accelerators, or minimum TFLOPS and memory per device. The job is a
/// registered <see cref="Template"/> with its <see cref="Arguments"/> as data (none: <c>reserve</c>, which holds the
/// devices). <see cref="Command"/> exists only to refuse it: no request carries a shell command. <see cref="Sector"/> is
/// optional, a key of Kernel's <c>Sectors</c> (the platform's one sector taxonomy).
/// </summary>
internal sealed record SubmitRequestInput(
    string Title,
    IReadOnlyList<string>? Accelerators,
    double? MinTflops,
    double? MinMemoryGb,
    int Devices,
    double EstimatedHours,
    DateTimeOffset? EarliestStart,
    DateTimeOffset? Deadline,
    string DataCity,
    double? MaxLatencyMs,
    decimal? Budget,
    IReadOnlyList<Guid>? VoucherIds,
    string? Template = null,
    IReadOnlyDictionary<string, JsonElement>? Arguments = null,
    string? Command = null,
    string? Sector = null);

/// <summary>
/// An enterprise asks for compute (<c>POST /api/v1/compute/requests</c> and the request form): the request is
/// checked, recorded (audited) and placed at once.
/// </summary>
internal sealed class SubmitRequest(ComputeDb db, IActor actor, IAuditLog audit, PlaceRequests placer, JobTemplates templates, TimeProvider time)
{
    /// <summary>Bounds of a request (docs/security.md lists them); each refusal names its field and the bound.</summary>
    public const int MaxTitleLength = 200, MaxDevices = 100_000, MaxEstimatedHours = 24 * 366, MaxArguments = 64;

    /// <summary>Checks, records and places a request of the actor's organisation; its id. Nothing is written when it is refused.</summary>
    public async Task<Guid> ExecuteAsync(SubmitRequestInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var problems = Validate(input, now);
        var arguments = Arguments(input.Arguments, problems);
        problems.AddRange(templates.Validate(input.Template, arguments));
        var vouchers = (input.VoucherIds ?? []).Distinct().ToList();
        var owned = await db.Vouchers.Where(v => vouchers.Contains(v.Id) && v.OrganisationId == actor.OrganisationId).Select(v => v.Id).ToListAsync(cancellationToken);
        if (owned.Count != vouchers.Count)
        {
            problems.Add(FieldProblem.Of("voucherIds", "compute.problem.voucher-not-yours"));
        }

        if (actor.OrganisationId is null)
        {
            problems.Add(FieldProblem.Of("organisation", "compute.problem.member-requests"));
        }

        InvalidInputException.ThrowIfAny(problems);
        var request = new RequestRecord
        {
            Id = Guid.NewGuid(), OrganisationId = actor.OrganisationId!.Value, SubmittedBy = actor.Name, Title = input.Title.Trim(),
            Accelerators = string.Join(',', (input.Accelerators ?? []).Select(a => a.Trim()).Where(a => a.Length > 0)),
            MinTflops = input.MinTflops, MinMemoryGb = input.MinMemoryGb, Devices = input.Devices, EstimatedHours = input.EstimatedHours,
            EarliestStart = input.EarliestStart ?? now, Deadline = input.Deadline, DataCity = input.DataCity, MaxLatencyMs = input.MaxLatencyMs,
            Budget = input.Budget, VoucherIds = string.Join(',', vouchers), Sector = string.IsNullOrWhiteSpace(input.Sector) ? null : input.Sector.Trim(),
            JobTemplate = string.IsNullOrWhiteSpace(input.Template) ? JobTemplates.Reserve : input.Template.Trim(),
            JobArguments = arguments.Count == 0 ? null : JsonSerializer.Serialize(arguments),
            State = RequestState.Submitted, SubmittedAt = now, UpdatedAt = now,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Requests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("compute.request.submitted", "compute_request", request.Id.ToString(),
                ProblemMessage.Of("compute.audit.request-submitted", request.Title, request.Devices, request.EstimatedHours, GuangdongCities.NameOf(request.DataCity), request.JobTemplate,
                    string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}")))), db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await placer.RunAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return request.Id;
    }

    /// <summary>The request's problems by field.</summary>
    public static List<FieldProblem> Validate(SubmitRequestInput input, DateTimeOffset now)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string key, params object?[] arguments) => problems.Add(FieldProblem.Of(field, key, arguments));
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > MaxTitleLength)
        {
            Add("title", "compute.problem.title", MaxTitleLength);
        }

        var anyAccelerator = input.Accelerators?.Any(a => !string.IsNullOrWhiteSpace(a)) == true;
        if (!anyAccelerator && input.MinTflops is null && input.MinMemoryGb is null)
        {
            Add("accelerators", "compute.problem.accelerators");
        }

        if (input.MinTflops is <= 0)
        {
            Add("minTflops", "compute.problem.min-tflops");
        }

        if (input.MinMemoryGb is <= 0)
        {
            Add("minMemoryGb", "compute.problem.min-memory");
        }

        if (input.Devices is < 1 or > MaxDevices)
        {
            Add("devices", "compute.problem.devices", MaxDevices);
        }

        if (input.EstimatedHours is <= 0 or > MaxEstimatedHours || double.IsNaN(input.EstimatedHours))
        {
            Add("estimatedHours", "compute.problem.hours");
        }

        if (input.Deadline is { } deadline && deadline <= (input.EarliestStart ?? now))
        {
            Add("deadline", "compute.problem.deadline");
        }

        if (GuangdongCities.Find(input.DataCity ?? "") is null)
        {
            Add("dataCity", "compute.problem.city", input.DataCity);
        }

        if (!string.IsNullOrWhiteSpace(input.Sector) && !Sectors.IsKnown(input.Sector.Trim()))
        {
            Add("sector", "compute.problem.sector", input.Sector);
        }

        if (input.MaxLatencyMs is <= 0)
        {
            Add("maxLatencyMs", "compute.problem.latency");
        }

        if (input.Budget is <= 0)
        {
            Add("budget", "compute.problem.budget");
        }

        if (input.Command is not null)
        {
            Add("command", "compute.problem.command");
        }

        return problems;
    }

    /// <summary>The arguments as text (a JSON string or number each); anything else is an error naming the argument.</summary>
    private static Dictionary<string, string> Arguments(IReadOnlyDictionary<string, JsonElement>? input, List<FieldProblem> problems)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input is { Count: > MaxArguments })
        {
            problems.Add(FieldProblem.Of("arguments", "compute.problem.too-many-arguments", MaxArguments));
            return arguments;
        }

        foreach (var (name, value) in input ?? new Dictionary<string, JsonElement>())
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    arguments[name] = value.GetString()!;
                    break;
                case JsonValueKind.Number:
                    arguments[name] = value.GetRawText();
                    break;
                default:
                    problems.Add(FieldProblem.Of("arguments." + name, "compute.problem.argument-type"));
                    break;
            }
        }

        return arguments;
    }
}
