using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Jobs;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
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
    /// <summary>Bounds of a request (docs/security.md lists them); each refusal names its field and the bound.</summary>
    public const int MaxTitleLength = 200, MaxDevices = 100_000, MaxEstimatedHours = 24 * 366, MaxArguments = 64;

    public static async Task<Results<Created<RequestView>, ValidationProblem>> HandleAsync(
        SubmitRequestInput input, ComputeDb db, IActor actor, IAuditLog audit, PlaceRequests placer, JobTemplates templates, TimeProvider time, UiText text, CancellationToken cancellationToken)
    {
        var (errors, id) = await SubmitAsync(input, db, actor, audit, placer, templates, time, text, cancellationToken);
        return id is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/v1/compute/requests/{id}", await RequestView.LoadAsync(db, id.Value, cancellationToken));
    }

    /// <summary>Validates, records and places a request of the caller's organisation; returns the errors by field, or its id.</summary>
    public static async Task<(Dictionary<string, string[]> Errors, Guid? Id)> SubmitAsync(
        SubmitRequestInput input, ComputeDb db, IActor actor, IAuditLog audit, PlaceRequests placer, JobTemplates templates, TimeProvider time, UiText text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = Validate(input, now, text);
        var arguments = Arguments(input.Arguments, errors, text);
        foreach (var (field, messages) in templates.Validate(input.Template, arguments))
        {
            errors[field] = messages;
        }

        var vouchers = (input.VoucherIds ?? []).Distinct().ToList();
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
                JsonSerializer.Serialize(new { request.Title, request.Devices, request.EstimatedHours, request.DataCity, request.JobTemplate, arguments }, ComputeJson.Options)), db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await placer.RunAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (errors, request.Id);
    }

    /// <summary>Problems by field, told in the reader's language.</summary>
    public static Dictionary<string, string[]> Validate(SubmitRequestInput input, DateTimeOffset now, UiText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > MaxTitleLength)
        {
            Add("title", text.Format("compute.problem.title", MaxTitleLength));
        }

        var anyAccelerator = input.Accelerators?.Any(a => !string.IsNullOrWhiteSpace(a)) == true;
        if (!anyAccelerator && input.MinTflops is null && input.MinMemoryGb is null)
        {
            Add("accelerators", text["compute.problem.accelerators"]);
        }

        if (input.MinTflops is <= 0)
        {
            Add("minTflops", text["compute.problem.min-tflops"]);
        }

        if (input.MinMemoryGb is <= 0)
        {
            Add("minMemoryGb", text["compute.problem.min-memory"]);
        }

        if (input.Devices is < 1 or > MaxDevices)
        {
            Add("devices", text.Format("compute.problem.devices", MaxDevices));
        }

        if (input.EstimatedHours is <= 0 or > MaxEstimatedHours || double.IsNaN(input.EstimatedHours))
        {
            Add("estimatedHours", text["compute.problem.hours"]);
        }

        if (input.Deadline is { } deadline && deadline <= (input.EarliestStart ?? now))
        {
            Add("deadline", text["compute.problem.deadline"]);
        }

        if (GuangdongCities.Find(input.DataCity ?? "") is null)
        {
            Add("dataCity", text.Format("compute.problem.city", input.DataCity));
        }

        if (input.MaxLatencyMs is <= 0)
        {
            Add("maxLatencyMs", text["compute.problem.latency"]);
        }

        if (input.Budget is <= 0)
        {
            Add("budget", text["compute.problem.budget"]);
        }

        if (input.Command is not null)
        {
            Add("command", text["compute.problem.command"]);
        }

        return errors;
    }

    /// <summary>The arguments as text (a JSON string or number each); anything else is an error naming the argument.</summary>
    private static Dictionary<string, string> Arguments(IReadOnlyDictionary<string, JsonElement>? input, Dictionary<string, string[]> errors, UiText text)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input is { Count: > MaxArguments })
        {
            errors["arguments"] = [text.Format("compute.problem.too-many-arguments", MaxArguments)];
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
                    errors["arguments." + name] = [text["compute.problem.argument-type"]];
                    break;
            }
        }

        return arguments;
    }
}
