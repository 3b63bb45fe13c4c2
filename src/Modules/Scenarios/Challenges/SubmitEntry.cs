using System.Security.Cryptography;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Scenarios.Challenges;

/// <summary>
/// <c>POST /api/v1/challenges/{id}/entries</c> (multipart): a team of one or more organisations submits a solution
/// with attachments before the deadline (server clock). Files go under the data folder, one folder per challenge.
/// The submitting organisation leads; each named partner gets a <see cref="PartnerRequest"/> and joins the team only
/// by accepting it (<see cref="PartnerConsent"/>), so naming an organisation never locks it out of its own entry.
/// </summary>
internal sealed class SubmitEntry(ScenariosDb db, IAuditLog audit, IActor actor, IOrganisationDirectory organisations, INotifier notifier, NotifyFollowers followers, IOptions<ScenariosOptions> options, TimeProvider clock)
{
    private const string LabelAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Submits the signed-in enterprise's entry; what cannot be accepted is an <see cref="InvalidInputException"/> by field (<c>title</c>, <c>solution</c>, <c>partners</c>, <c>files</c>).</summary>
    public async Task<Guid> ExecuteAsync(Guid challengeId, string? title, string? solution, IReadOnlyList<Guid> partners, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(files);
        if (!actor.IsInRole(Roles.Enterprise) || actor.OrganisationId is not { } lead)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-enterprises-organisation-submit-entries"), null, 403);
        }

        var challenge = await db.Challenges.FindAsync([challengeId], cancellationToken) ?? throw ChallengeSnapshot.NotFound(challengeId);
        var now = clock.GetUtcNow();
        ChallengeSteps.Enter(ChallengeState.Of(challenge, []), now).ThrowIfRefused();

        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
        {
            problems.Add(FieldProblem.Of("title", "scenarios.problem.entry-title"));
        }

        if (string.IsNullOrWhiteSpace(solution) || solution.Length > 8000)
        {
            problems.Add(FieldProblem.Of("solution", "scenarios.problem.entry-solution"));
        }

        var team = partners.Prepend(lead).Distinct().ToList();
        foreach (var partner in team.Skip(1))
        {
            if (await organisations.FindAsync(partner, cancellationToken) is null)
            {
                problems.Add(FieldProblem.Of("partners", "scenarios.problem.no-such-organisation", partner));
            }
        }

        var stored = await CheckFilesAsync(files, problems, cancellationToken);
        InvalidInputException.ThrowIfAny(problems);

        // Only the lead's own standing is checked here: whether a named partner is on another team is its own business
        // and is settled when it answers the request. The unique index (challenge, organisation) decides races.
        if (await db.EntryMembers.AnyAsync(m => m.ChallengeId == challengeId && m.OrganisationId == lead, cancellationToken))
        {
            throw AlreadyOnATeam();
        }

        var labels = await db.Entries.Where(e => e.ChallengeId == challengeId).Select(e => e.Label).ToListAsync(cancellationToken);
        var entry = new Entry
        {
            Id = Guid.NewGuid(),
            ChallengeId = challengeId,
            Label = NewLabel(labels),
            Title = title!.Trim(),
            Solution = solution!.Trim(),
            LeadOrganisationId = lead,
            SubmittedByUserId = actor.UserId!,
            SubmittedAt = now,
            Members = [new EntryMember { ChallengeId = challengeId, OrganisationId = lead }],
        };
        var requests = team.Skip(1).Select(partner => new PartnerRequest
        {
            Id = Guid.NewGuid(), ChallengeId = challengeId, EntryId = entry.Id, OrganisationId = partner, LeadOrganisationId = lead,
            Status = PartnerRequestStatus.Pending, RequestedAt = now,
        }).ToList();
        var folder = Path.Combine(options.Value.AttachmentDirectory, challengeId.ToString("N"));
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        try
        {
            foreach (var (file, contentType) in stored)
            {
                var attachment = new Attachment { Id = Guid.NewGuid(), FileName = Path.GetFileName(file.FileName), ContentType = contentType, Size = file.Length };
                var path = Path.Combine(folder, attachment.Id.ToString("N"));
                await using (var target = File.Create(path))
                {
                    await file.CopyToAsync(target, cancellationToken);
                }

                written.Add(path);
                await using (var saved = File.OpenRead(path))
                {
                    attachment.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(saved, cancellationToken));
                }

                entry.Attachments.Add(attachment);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Entries.Add(entry);
            db.PartnerRequests.AddRange(requests);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique index (challenge, organisation): a concurrent submission of the same organisation committed first.
                throw AlreadyOnATeam();
            }

            await audit.AppendAsync(new AuditEvent("scenarios.challenge.entry-submitted", "challenge", challengeId.ToString(),
                ProblemMessage.Of("scenarios.audit.entry-submitted", entry.Label, lead.ToString(), team.Count - 1,
                    entry.Attachments.Select(a => ProblemMessage.Of("scenarios.audit.attachment", a.FileName, a.Size, a.Sha256)).ToList())), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            written.ForEach(File.Delete);
            throw;
        }

        var received = ProblemMessage.Of("scenarios.notify.challenge.entry-received", challenge.Title);
        await followers.NotifyAsync(Follow.ChallengeType, challengeId, received, $"/scenarios/challenges/{challengeId}", null, cancellationToken);
        // Every partner asked to confirm is told in one save, as followers are.
        var asked = ProblemMessage.Of("scenarios.notify.challenge.partner-asked", challenge.Title);
        await notifier.NotifyAllAsync([], requests.Select(r => r.OrganisationId), asked, $"/scenarios/challenges/{challengeId}", cancellationToken);
        return entry.Id;
    }

    public static DomainRuleException AlreadyOnATeam() => new(ProblemMessage.Of("scenarios.refusal.already-on-team"), "partners", 409);

    /// <summary>The path of a stored attachment.</summary>
    public static string PathOf(ScenariosOptions options, Guid challengeId, Guid attachmentId) =>
        Path.Combine(options.AttachmentDirectory, challengeId.ToString("N"), attachmentId.ToString("N"));

    private async Task<List<(IFormFile File, string ContentType)>> CheckFilesAsync(IReadOnlyList<IFormFile> files, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var accepted = new List<(IFormFile, string)>();
        if (files.Count > AttachmentRules.MaxFiles)
        {
            problems.Add(FieldProblem.Of("files", "scenarios.problem.attachment-count", AttachmentRules.MaxFiles));
        }

        foreach (var file in files)
        {
            var head = new byte[512];
            await using var stream = file.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            var (contentType, refusal) = AttachmentRules.Check(file.FileName, file.Length, options.Value.MaxAttachmentBytes, head.AsSpan(0, read));
            if (refusal is not null)
            {
                problems.Add(new FieldProblem("files", refusal));
            }
            else
            {
                accepted.Add((file, contentType!));
            }
        }

        return accepted;
    }

    private static string NewLabel(IReadOnlyCollection<string> taken)
    {
        while (true)
        {
            var label = RandomNumberGenerator.GetString(LabelAlphabet, 4);
            if (!taken.Contains(label))
            {
                return label;
            }
        }
    }

    public static async Task<Created<IReadOnlyList<EntryView>>> HandleAsync(
        Guid id, [FromForm] string? title, [FromForm] string? solution, [FromForm] string? partners, IFormFileCollection? files,
        SubmitEntry submit, GetChallenges get, CancellationToken cancellationToken)
    {
        var partnerIds = new List<Guid>();
        foreach (var text in (partners ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Guid.TryParse(text, out var partner))
            {
                throw InvalidInputException.For("partners", "scenarios.refusal.not-an-organisation-id", text);
            }

            partnerIds.Add(partner);
        }

        await submit.ExecuteAsync(id, title, solution, partnerIds, files?.ToList() ?? [], cancellationToken);
        return TypedResults.Created($"/api/v1/challenges/{id}/my-entries", await get.MineAsync(id, cancellationToken));
    }
}
