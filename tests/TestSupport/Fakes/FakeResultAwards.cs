using System.Collections.Concurrent;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Web;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Incentives' awards made from another module's decision (a challenge's result, a benchmark
/// designation) when Scenarios runs alone: names the programs the test set, makes each award asked for (or refuses
/// it as the test set), and records each call.
/// </summary>
public sealed class FakeResultAwards(TimeProvider clock) : IResultAwards
{
    private readonly ConcurrentDictionary<string, string> _quotaPrograms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AwardBasis, string> _basisPrograms = new();
    private volatile DomainRuleException? _refusal;

    public FakeCalls Calls { get; } = new();

    /// <summary>The program whose yearly quota counts <paramref name="indicator"/>.</summary>
    public void SetQuotaProgram(string indicator, string programId) => _quotaPrograms[indicator] = programId;

    /// <summary>The program awards made from <paramref name="basis"/> go to.</summary>
    public void SetProgramFor(AwardBasis basis, string programId) => _basisPrograms[basis] = programId;

    /// <summary>Every following award is refused with <paramref name="refusal"/> (null: made again).</summary>
    public void RefuseWith(DomainRuleException? refusal) => _refusal = refusal;

    public string? QuotaProgram(string indicator)
    {
        Calls.Record([indicator]);
        return _quotaPrograms.GetValueOrDefault(indicator);
    }

    public string? ProgramFor(AwardBasis basis)
    {
        Calls.Record([basis]);
        return _basisPrograms.GetValueOrDefault(basis);
    }

    public Task<ResultAward> AwardAsync(ResultAwardRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Calls.Record([request]);
        return _refusal is { } refusal
            ? Task.FromException<ResultAward>(refusal)
            : Task.FromResult(new ResultAward(Guid.NewGuid(), request.ProgramId, request.Amount ?? 0m, clock.GetUtcNow().Year, Voucher: false));
    }
}
