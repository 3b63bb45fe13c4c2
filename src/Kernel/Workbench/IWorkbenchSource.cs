using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Workbench;

/// <summary>Which column of the workbench an item belongs in.</summary>
public enum WorkItemKind
{
    /// <summary>Something the signed-in person must act on.</summary>
    WaitingForMe,

    /// <summary>Something the person (or their organisation) submitted, with where it stands.</summary>
    SubmittedByMe,

    /// <summary>A condition that will make an action fail (e.g. a program that cannot award).</summary>
    Warning,
}

/// <summary>One line on a person's workbench.</summary>
/// <param name="Kind">Its column.</param>
/// <param name="Title">What it is, in both languages.</param>
/// <param name="Link">Where to act on it.</param>
/// <param name="Count">How many records it stands for (1 for a single record).</param>
/// <param name="Due">The deadline, if any.</param>
/// <param name="Status">Where it stands, in both languages, for submitted items.</param>
/// <param name="Since">Since when it has stood there.</param>
public sealed record WorkItem(
    WorkItemKind Kind, LocalizedText Title, string Link, int Count = 1, DateTimeOffset? Due = null, LocalizedText? Status = null, DateTimeOffset? Since = null);

/// <summary>
/// A module's contribution to the signed-in person's workbench (the page each role lands on). Implementations ask
/// <see cref="Security.IActor"/> who is looking and return only what concerns them; registered with
/// <c>services.AddScoped&lt;IWorkbenchSource, …&gt;()</c> in the module file.
/// </summary>
public interface IWorkbenchSource
{
    Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken cancellationToken = default);
}
