namespace Funeng.Scenarios.Challenges;

/// <summary>An entry's team, as the conflict rules see it.</summary>
internal sealed record EntryTeam(Guid EntryId, IReadOnlyCollection<Guid> Organisations);

/// <summary>A conflict an expert has declared: with an organisation, or with one entry.</summary>
internal sealed record DeclaredConflict(Guid? OrganisationId, Guid? EntryId);

/// <summary>Where an expert stands on a challenge's panel.</summary>
/// <param name="ExcludedReason">Why the expert may not see or score the challenge at all (a code, told by <c>scenarios.excluded.*</c>), or null.</param>
/// <param name="ConflictedEntries">Entries the expert has declared a conflict with and will not score.</param>
internal sealed record ExpertStanding(string? ExcludedReason, IReadOnlySet<Guid> ConflictedEntries)
{
    public bool Excluded => ExcludedReason is not null;

    public bool Reviews(Guid entryId) => !Excluded && !ConflictedEntries.Contains(entryId);
}

/// <summary>
/// Conflict of interest, applied automatically: an expert whose organisation is on any submitting team is excluded
/// from the whole challenge (they could otherwise tell entries apart). An expert who declares a conflict with an
/// organisation is excluded too, whether or not that organisation entered: if the exclusion depended on it, the
/// answer to the next review request would tell the expert who entered. A conflict declared with one entry removes
/// only that entry.
/// </summary>
internal static class PanelRules
{
    public static ExpertStanding Standing(Guid expertOrganisation, IEnumerable<DeclaredConflict> declared, IReadOnlyCollection<EntryTeam> entries)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(entries);
        var conflicts = declared.ToList();
        if (entries.Any(e => e.Organisations.Contains(expertOrganisation)))
        {
            return new("own-organisation-on-team", new HashSet<Guid>());
        }

        if (conflicts.Any(c => c.OrganisationId is not null))
        {
            return new("declared-conflict", new HashSet<Guid>());
        }

        return new(null, conflicts.Where(c => c.EntryId is not null).Select(c => c.EntryId!.Value).ToHashSet());
    }

    /// <summary>An entry is fully evaluated in a phase when it has reviewers and every one of them has scored it.</summary>
    public static bool Complete(Guid entryId, IReadOnlyDictionary<string, ExpertStanding> panel, IReadOnlySet<string> scoredBy)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(scoredBy);
        var required = panel.Where(p => p.Value.Reviews(entryId)).Select(p => p.Key).ToList();
        return required.Count > 0 && required.All(scoredBy.Contains);
    }
}
