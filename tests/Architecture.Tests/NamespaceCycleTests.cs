using Mono.Cecil;

namespace Funeng.Architecture.Tests;

/// <summary>
/// Inside a module, namespaces (feature folders, Data, Contracts, Pages) depend on each other without cycles, so
/// a feature can be read, moved or removed on its own. The module file's root namespace composes everything and
/// is left out.
/// </summary>
public sealed class NamespaceCycleTests
{
    /// <summary>
    /// The namespaces (after <c>Funeng.MODULE.</c>) caught in cycles when this test arrived, with the edges it
    /// printed then: mostly a <c>Contracts</c> class that is itself the use case (<c>AccountCommands</c>,
    /// <c>IncentiveCommands</c>) and feature folders calling each other. A cycle may only
    /// shrink: a namespace outside this list that joins one fails, and so does an entry no longer in one (take it
    /// out, so that it cannot come back). All are empty now: any cycle fails.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownCycles = new(StringComparer.Ordinal)
    {
        ["Platform"] = [],
        ["Policy"] = [],
        ["Scenarios"] = [],
        ["Catalog"] = [],
        ["Incentives"] = [],
        ["Compute"] = [],
        ["Index"] = [],
    };

    public static TheoryData<string> Modules() => [.. BuiltAssemblies.Modules];

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_has_no_cycle_among_its_own_namespaces_beyond_the_known_ones_which_only_shrink(string module)
    {
        using var assembly = BuiltAssemblies.Read(module);
        var prefix = $"Funeng.{module}.";
        var edges = Edges(assembly, prefix);
        var cycles = StronglyConnected(edges).Where(c => c.Count > 1).ToList();
        var inCycles = cycles.SelectMany(c => c).Select(ns => ns[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var known = KnownCycles[module].ToHashSet(StringComparer.Ordinal);

        var joined = inCycles.Except(known).Order(StringComparer.Ordinal).ToList();
        Assert.True(joined.Count == 0, $"new in a cycle: {string.Join(", ", joined)}\n{string.Join("\n", cycles.Select(c => Describe(c, edges)))}");
        var freed = known.Except(inCycles).Order(StringComparer.Ordinal).ToList();
        Assert.True(freed.Count == 0, $"no longer in a cycle, so take them out of {nameof(KnownCycles)}: {string.Join(", ", freed)}");
    }

    /// <summary>Namespace → namespaces it uses, each with one type pair as the evidence.</summary>
    private static Dictionary<string, Dictionary<string, string>> Edges(ModuleDefinition assembly, string prefix)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = TypeReferences.NamespaceOf(type);
            if (!from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new(StringComparer.Ordinal);
            foreach (var used in TypeReferences.UsedBy(type))
            {
                var to = TypeReferences.NamespaceOf(used);
                if (to != from && to.StartsWith(prefix, StringComparison.Ordinal))
                {
                    targets.TryAdd(to, $"{type.FullName} → {used.FullName}");
                }
            }
        }

        return edges;
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges[node].Keys) // every namespace that holds a type is a key
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, string>> edges)
    {
        var members = cycle.ToHashSet(StringComparer.Ordinal);
        var inside = cycle.Order(StringComparer.Ordinal)
            .SelectMany(from => edges[from].Where(e => members.Contains(e.Key)).Select(e => $"  {from} → {e.Key} ({e.Value})"));
        return $"cycle among {string.Join(", ", cycle.Order(StringComparer.Ordinal))}:\n{string.Join("\n", inside)}";
    }
}
