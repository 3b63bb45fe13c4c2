using System.Text.Json;
using Funeng.Incentives.Data;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Incentives.Programs;

/// <summary>The programs of the configured pack, read once at start-up; a bad pack stops the start with its errors.</summary>
internal sealed class ProgramCatalog(IOptions<IncentivesOptions> options)
{
    private readonly Lazy<ProgramPack> _pack = new(() => ProgramPackReader.Read(options.Value.PackDirectory));

    public ProgramPack Pack => _pack.Value;

    public FactCatalog Facts => Pack.Facts;

    public IReadOnlyList<IncentiveProgram> Programs => Pack.Programs;

    public IncentiveProgram Get(string id) =>
        Pack.Find(id) ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.no-program", id), "programId", 404);

    /// <summary>A program's name, or its id in both languages when the pack no longer has it (a record written under an older pack).</summary>
    public LocalizedText NameOf(string id) => Pack.Find(id)?.Name ?? new LocalizedText(id, id);

    public static FactValues ReadFacts(string json) =>
        JsonSerializer.Deserialize<FactValues>(json, JsonSerializerOptions.Web) ?? FactValues.Empty;

    public static string WriteFacts(FactValues facts) => JsonSerializer.Serialize(facts, JsonSerializerOptions.Web);
}

/// <summary>Parameter values: the pack's, then those office staff set (stored), as one timeline per program.</summary>
internal static class ProgramParameters
{
    public static async Task<ParameterTimeline> TimelineAsync(this IncentivesDb db, IncentiveProgram program, CancellationToken cancellationToken)
    {
        var settings = await db.ParameterSettings.AsNoTracking().Where(s => s.ProgramId == program.Id).ToListAsync(cancellationToken);
        return Timeline(program, settings);
    }

    public static async Task<Dictionary<string, ParameterTimeline>> TimelinesAsync(this IncentivesDb db, IEnumerable<IncentiveProgram> programs, CancellationToken cancellationToken)
    {
        var settings = await db.ParameterSettings.AsNoTracking().ToListAsync(cancellationToken);
        return programs.ToDictionary(p => p.Id, p => Timeline(p, settings.Where(s => s.ProgramId == p.Id)));
    }

    private static ParameterTimeline Timeline(IncentiveProgram program, IEnumerable<ParameterSetting> settings) =>
        new(program, settings.OrderBy(s => s.SetAt).Select(s => (s.Name, new ParameterValue(s.EffectiveFrom, s.Value))));
}
