using Microsoft.Data.Sqlite;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// Names and other values the data carries (organisation, listing, scenario and document names…), read from every
/// text column of the app's SQLite file. A page may show them as they were entered, in either language, except a
/// value in the other language when the row has one in the reader's language (a NameZh on an English page next
/// to a NameEn is a bug, a Chinese-only scenario title is not).
/// </summary>
public sealed class DataNames
{
    private readonly List<string> _forChinese = [];
    private readonly List<string> _forEnglish = [];

    private DataNames()
    {
    }

    /// <summary>The values a page in <paramref name="english"/> may show, longest first.</summary>
    public IReadOnlyList<string> For(bool english) => english ? _forEnglish : _forChinese;

    /// <summary>
    /// These names and <paramref name="given"/>: text the reader gave in the action just taken (the column names of a
    /// file they uploaded), which an answer quotes back as written.
    /// </summary>
    public DataNames With(IEnumerable<string> given)
    {
        var names = new DataNames();
        names._forChinese.AddRange(_forChinese.Concat(given).OrderByDescending(n => n.Length));
        names._forEnglish.AddRange(_forEnglish.Concat(given).OrderByDescending(n => n.Length));
        return names;
    }

    public static DataNames Read(string connectionString)
    {
        var names = new DataNames();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%migrations%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%audit%'"))
        {
            var columns = Strings(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE type = 'TEXT'");
            if (columns.Count == 0)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = columns.Select((c, i) => (Name: c, Value: reader.IsDBNull(i) ? "" : reader.GetString(i))).ToList();
                names.Add(row);
            }
        }

        names._forChinese.Sort((a, b) => b.Length.CompareTo(a.Length));
        names._forEnglish.Sort((a, b) => b.Length.CompareTo(a.Length));
        return names;
    }

    // One record: a row, or an object inside a JSON column (listing content keeps TitleZh/TitleEn there).
    private void Add(List<(string Name, string Value)> record)
    {
        foreach (var (name, value) in record)
        {
            if (value.TrimStart() is ['{' or '[', ..])
            {
                AddJson(value);
                continue;
            }

            if (!IsName(value))
            {
                continue;
            }

            var language = LanguageOf(name);
            var hasSibling = language is not null && record.Any(o => o.Name == Sibling(name, language) && IsName(o.Value));
            if (language != "En" || !hasSibling)
            {
                _forChinese.Add(value.Trim());
            }

            if (language != "Zh" || !hasSibling)
            {
                _forEnglish.Add(value.Trim());
            }
        }
    }

    private void AddJson(string json)
    {
        try
        {
            Walk(System.Text.Json.Nodes.JsonNode.Parse(json));
        }
        catch (System.Text.Json.JsonException)
        {
        }

        void Walk(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    Add(o.Where(p => p.Value is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                        .Select(p => (p.Key, p.Value!.GetValue<string>())).ToList());
                    foreach (var (_, child) in o.Where(p => p.Value is not System.Text.Json.Nodes.JsonValue))
                    {
                        Walk(child);
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    Add(a.OfType<System.Text.Json.Nodes.JsonValue>().Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                        .Select(v => ("", v.GetValue<string>())).ToList());
                    foreach (var child in a.Where(c => c is not System.Text.Json.Nodes.JsonValue))
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    // Codes ("published", "ai_models", "catalog.import"), ids and time stamps are not names: a page must label them.
    // A name an operator gave in Latin letters ("gz-a800") is one.
    private static bool IsName(string value)
    {
        var v = value.Trim();
        return v.Length >= 2
            && !Guid.TryParse(v, out _)
            && !DateTimeOffset.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _)
            && !System.Text.RegularExpressions.Regex.IsMatch(v, "^[a-z]+(?:[_.][a-z0-9]+)*$");
    }

    private static string? LanguageOf(string column) =>
        column.EndsWith("Zh", StringComparison.OrdinalIgnoreCase) || column.EndsWith("_zh", StringComparison.Ordinal) ? "Zh"
        : column.EndsWith("En", StringComparison.OrdinalIgnoreCase) || column.EndsWith("_en", StringComparison.Ordinal) ? "En"
        : null;

    private static string Sibling(string column, string language)
    {
        var stem = column[..^2];
        var lower = char.IsLower(column[^2]);
        return stem + (language == "Zh" ? (lower ? "en" : "En") : (lower ? "zh" : "Zh"));
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
