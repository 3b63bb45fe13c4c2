using Funeng.Catalog.Search;
using Funeng.Catalog.Search.Glossary;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>
/// The zh↔en glossary: anyone lists and searches it; office staff add, edit, retire and restore entries with plain
/// forms (the use case refuses everyone else). Problems show next to the fields (<see cref="IShowsProblems"/>).
/// </summary>
internal sealed class GlossaryModel(GlossaryCommands glossary, IGlossarySource current, IActor actor) : PageModel, IShowsProblems
{
    private static readonly char[] Separators = ['|', ',', '，', '、', ';', '；', '\n', '\r'];

    public GlossaryPage Entries { get; private set; } = new(0, 1, []);

    public bool IsOffice => actor.IsInRole(Roles.OfficeStaff);

    /// <summary>The entry being edited (<c>?edit=</c>), or null for the add form.</summary>
    public GlossaryItem? Editing { get; private set; }

    /// <summary>The form's values: the entry being edited, or what was posted when it was refused.</summary>
    public (string Zh, string En, string Source) Form { get; private set; } = ("", "", "");

    public string Query => Request.Query["q"].ToString();

    /// <summary>
    /// For an English word typed in the finder that no entry names, the Chinese that search then takes from the general
    /// dictionary (<see cref="GeneralDictionary"/>), so that office staff see it and can add an entry that decides instead.
    /// </summary>
    public IReadOnlyList<string> GeneralTranslations =>
        field ??= current.Current.Lookup(Query.Trim()) is [var only] && GeneralDictionary.Made(only) ? only.Zh : [];

    public async Task<IActionResult> OnGetAsync(string? edit, int? page, CancellationToken cancellationToken)
    {
        await LoadAsync(page, cancellationToken);
        if (edit is not null)
        {
            Editing = (await glossary.ListAsync(cancellationToken)).SingleOrDefault(i => i.Group == edit);
            if (Editing is null)
            {
                return NotFound();
            }

            Form = (string.Join(" | ", Editing.Zh), string.Join(" | ", Editing.En), Editing.Source);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? zh, string? en, string? source, CancellationToken cancellationToken)
    {
        Form = (zh ?? "", en ?? "", source ?? "");
        var item = await glossary.AddAsync(Input(zh, en, source), cancellationToken);
        return Saved(item);
    }

    public async Task<IActionResult> OnPostUpdateAsync(string group, string? zh, string? en, string? source, CancellationToken cancellationToken)
    {
        Form = (zh ?? "", en ?? "", source ?? "");
        Editing = (await glossary.ListAsync(cancellationToken)).SingleOrDefault(i => i.Group == group);
        return await glossary.UpdateAsync(group, Input(zh, en, source), cancellationToken) is { } item ? Saved(item) : NotFound();
    }

    public async Task<IActionResult> OnPostRetireAsync(string group, CancellationToken cancellationToken) =>
        await glossary.RetireAsync(group, retired: true, cancellationToken) is { } item ? Saved(item) : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(string group, CancellationToken cancellationToken) =>
        await glossary.RetireAsync(group, retired: false, cancellationToken) is { } item ? Saved(item) : NotFound();

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    /// <summary>Names typed in one box, separated by | , 、 ; or new lines.</summary>
    public static string[] Names(string? typed) => (typed ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static GlossaryInput Input(string? zh, string? en, string? source) => new(Names(zh), Names(en), source);

    private RedirectResult Saved(GlossaryItem item) => Redirect("/catalog/glossary?saved=1&q=" + Uri.EscapeDataString(item.Zh.Concat(item.En).First()));

    private async Task LoadAsync(int? page, CancellationToken cancellationToken) =>
        Entries = GlossaryEndpoints.PageOf(await glossary.ListAsync(cancellationToken), Query, Math.Max(1, page ?? 1));
}
