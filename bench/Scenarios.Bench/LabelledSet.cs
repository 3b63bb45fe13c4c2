using Funeng.Scenarios.Matchmaking;
using YamlDotNet.RepresentationModel;

namespace Funeng.Scenarios.Bench;

/// <summary>One scenario of the labelled set and its judged listings (import key → grade 1 or 2).</summary>
internal sealed record LabelledScenario(string Id, MatchQuery Query, IReadOnlyDictionary<string, int> Grades);

/// <summary>Reads labelled-set.yaml (see the rule and procedure at its top).</summary>
internal static class LabelledSet
{
    public static IReadOnlyList<LabelledScenario> Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return [.. ((YamlSequenceNode)root["scenarios"]).Cast<YamlMappingNode>().Select(s =>
        {
            string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";
            var query = new MatchQuery(Text(s, "title"), Text(s, "problem"), Text(s, "outcome"), Text(s, "sector"), Text(s, "city"));
            var grades = ((YamlSequenceNode)s["relevant"]).Cast<YamlMappingNode>()
                .ToDictionary(r => Text(r, "listing"), r => int.Parse(Text(r, "grade"), System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
            return new LabelledScenario(Text(s, "id"), query, grades);
        })];
    }
}
