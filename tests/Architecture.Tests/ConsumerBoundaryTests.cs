namespace Funeng.Architecture.Tests;

/// <summary>
/// The hosts, the benches and the tests' support code use a module only through its <c>Contracts</c> and its module
/// file (<c>AddX</c>/<c>MapX</c>, options); a bench may use the internals of its own module, never another's.
/// </summary>
public sealed class ConsumerBoundaryTests
{
    /// <summary>
    /// The one hole left open, named so it cannot widen: the matchmaking bench builds Catalog's Lucene index and a
    /// BM25 baseline over it straight from Catalog's internals (<c>InternalsVisibleTo Funeng.Scenarios.Bench</c>).
    /// It closes when Catalog offers a standalone search index in its Contracts; then this entry and that
    /// InternalsVisibleTo go.
    /// </summary>
    private static readonly Dictionary<string, string> OpenForNow = new(StringComparer.Ordinal) { ["Scenarios.Bench"] = "Catalog" };

    public static TheoryData<string> Consumers() => [.. BuiltAssemblies.Consumers.Keys];

    [Theory]
    [MemberData(nameof(Consumers))]
    public void A_host_bench_or_test_support_uses_modules_only_through_their_contracts(string project)
    {
        var own = BuiltAssemblies.Consumers[project];
        using var assembly = BuiltAssemblies.Read(project);
        var internals = assembly.GetTypeReferences()
            .Select(t => (Type: t.FullName, Namespace: TypeReferences.NamespaceOf(t)))
            .Where(t => BuiltAssemblies.Modules.Any(m => m != own && m != OpenForNow.GetValueOrDefault(project) && IsInternalOf(m, t.Namespace)))
            .Select(t => t.Type)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(internals.Count == 0, $"{project} uses module internals: {string.Join(", ", internals)}");
    }

    /// <summary>A namespace of <paramref name="module"/> other than its root (the module file) and its Contracts.</summary>
    private static bool IsInternalOf(string module, string ns) =>
        ns.StartsWith($"Funeng.{module}.", StringComparison.Ordinal)
        && ns != $"Funeng.{module}.Contracts"
        && !ns.StartsWith($"Funeng.{module}.Contracts.", StringComparison.Ordinal);
}
