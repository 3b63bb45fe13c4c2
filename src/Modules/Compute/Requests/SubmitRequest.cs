using System.Globalization;
using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Jobs;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>
/// What an enterprise asks for. Give acceptable accelerators, or minimum TFLOPS and memory per device. The job is a
/// registered <see cref="Template"/> with its <see cref="Arguments"/> as data (none: <c>reserve</c>, which holds the
/// devices). <see cref="Command"/> exists only to refuse it: no request carries a shell command.
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
    string? Command = null);

/// <summary><c>POST /api/v1/compute/requests</c>: records the request (audited) and places it at once.</summary>
internal static class SubmitRequest
{
    public static async Task<Results<Created<RequestView>, ValidationProblem>> HandleAsync(
        SubmitRequestInput input, ComputeDb db, IActor actor, IAuditLog audit, PlaceRequests placer, VoucherAwardsSync awards, JobTemplates templates, TimeProvider time, CancellationToken cancellationToken)
    {
        var (errors, id) = await SubmitAsync(input, db, actor, audit, placer, awards, templates, time, cancellationToken);
        return id is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/compute/requests/{id}", await RequestView.LoadAsync(db, id.Value, cancellationToken));
    }

    /// <summary>Validates, records and places a request of the caller's organisation; returns the errors by field, or its id.</summary>
    public static async Task<(Dictionary<string, string[]> Errors, Guid? Id)> SubmitAsync(
        SubmitRequestInput input, ComputeDb db, IActor actor, IAuditLog audit, PlaceRequests placer, VoucherAwardsSync awards, JobTemplates templates, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = Validate(input, now);
        var arguments = Arguments(input.Arguments, errors);
        foreach (var (field, messages) in templates.Validate(input.Template, arguments))
        {
            errors[field] = messages;
        }

        var vouchers = (input.VoucherIds ?? []).Distinct().ToList();
        if (vouchers.Count > 0 && actor.OrganisationId is { } organisation)
        {
            // A voucher awarded by Incentives (its id is the award's) can be spent before any page has shown it.
            await awards.SyncAsync(organisation, cancellationToken);
        }

        var owned = await db.Vouchers.Where(v => vouchers.Contains(v.Id) && v.OrganisationId == actor.OrganisationId).Select(v => v.Id).ToListAsync(cancellationToken);
        if (owned.Count != vouchers.Count)
        {
            errors["voucherIds"] = ["Every voucher must be one granted to your organisation."];
        }

        if (actor.OrganisationId is null)
        {
            errors["organisation"] = ["Only a member of an organisation can request compute."];
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var request = new RequestRecord
        {
            Id = Guid.NewGuid(), OrganisationId = actor.OrganisationId!.Value, SubmittedBy = actor.Name, Title = input.Title.Trim(),
            Accelerators = string.Join(',', (input.Accelerators ?? []).Select(a => a.Trim()).Where(a => a.Length > 0)),
            MinTflops = input.MinTflops, MinMemoryGb = input.MinMemoryGb, Devices = input.Devices, EstimatedHours = input.EstimatedHours,
            EarliestStart = input.EarliestStart ?? now, Deadline = input.Deadline, DataCity = input.DataCity, MaxLatencyMs = input.MaxLatencyMs,
            Budget = input.Budget, VoucherIds = string.Join(',', vouchers), 
            JobTemplate = string.IsNullOrWhiteSpace(input.Template) ? JobTemplates.Reserve : input.Template.Trim(),
            JobArguments = arguments.Count == 0 ? null : JsonSerializer.Serialize(arguments),
            State = RequestState.Submitted, SubmittedAt = now, UpdatedAt = now,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Requests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("compute.request.submitted", "compute_request", request.Id.ToString(),
                JsonSerializer.Serialize(new { request.Title, request.Devices, request.EstimatedHours, request.DataCity, request.JobTemplate, arguments }, PlaceRequests.Json)), db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await placer.RunAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (errors, request.Id);
    }

    public static Dictionary<string, string[]> Validate(SubmitRequestInput input, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200)
        {
            Add("title", "Give a title of 1 to 200 characters.");
        }

        var anyAccelerator = input.Accelerators?.Any(a => !string.IsNullOrWhiteSpace(a)) == true;
        if (!anyAccelerator && input.MinTflops is null && input.MinMemoryGb is null)
        {
            Add("accelerators", "Name acceptable accelerators, or give a minimum TFLOPS and memory per device.");
        }

        if (input.MinTflops is <= 0)
        {
            Add("minTflops", "The minimum TFLOPS must be above 0.");
        }

        if (input.MinMemoryGb is <= 0)
        {
            Add("minMemoryGb", "The minimum memory must be above 0 GB.");
        }

        if (input.Devices is < 1 or > 100_000)
        {
            Add("devices", "Ask for 1 to 100,000 devices.");
        }

        if (input.EstimatedHours is <= 0 or > 24 * 366 || double.IsNaN(input.EstimatedHours))
        {
            Add("estimatedHours", "The estimated hours must be above 0 and at most a year.");
        }

        if (input.Deadline is { } deadline && deadline <= (input.EarliestStart ?? now))
        {
            Add("deadline", "The deadline must come after the earliest start (and after now).");
        }

        if (GuangdongCities.Find(input.DataCity ?? "") is null)
        {
            Add("dataCity", string.Create(CultureInfo.InvariantCulture, $"'{input.DataCity}' is not a Guangdong city slug (e.g. guangzhou)."));
        }

        if (input.MaxLatencyMs is <= 0)
        {
            Add("maxLatencyMs", "The maximum latency must be above 0 ms.");
        }

        if (input.Budget is <= 0)
        {
            Add("budget", "The budget must be above 0 yuan.");
        }

        if (input.Command is not null)
        {
            Add("command", "A compute job never carries a shell command: name a registered job template and give its arguments (GET /api/v1/compute/job-templates).");
        }

        return errors;
    }

    /// <summary>The arguments as text (a JSON string or number each); anything else is an error naming the argument.</summary>
    private static Dictionary<string, string> Arguments(IReadOnlyDictionary<string, JsonElement>? input, Dictionary<string, string[]> errors)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input is { Count: > 64 })
        {
            errors["arguments"] = ["At most 64 arguments."];
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
                    errors["arguments." + name] = ["An argument is a string or a number."];
                    break;
            }
        }

        return arguments;
    }
}
