using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Organisations;

namespace Funeng.Catalog.Import;

/// <summary>
/// Recognises a file by its header and turns its rows into an <see cref="ImportBatch"/>: the three real data sets
/// (CAC algorithm filings, CAC generative-AI filings, the Chinese LLM list) and Funeng's own listing format.
/// </summary>
internal static class ImportFormats
{
    public const string CacAlgorithms = "cac-algorithm-filings";
    public const string CacGenerativeAi = "cac-genai-filings";
    public const string LlmList = "awesome-llms-in-china";
    public const string Funeng = "funeng-listings";

    /// <summary>The columns of Funeng's own format, besides the type-specific attribute columns.</summary>
    public static IReadOnlyList<string> FunengColumns { get; } =
    [
        "type", "source", "source_id", "owner_name_zh", "owner_name_en", "owner_credit_code", "owner_city",
        "title_zh", "title_en", "summary_zh", "summary_en", "city", "sectors", "keywords",
    ];

    public static ImportBatch Parse(TabularFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Has("filing_number", "algorithm_name", "entity", "purpose"))
        {
            return Map(file, CacAlgorithms, CacAlgorithm);
        }

        if (file.Has("model_or_app_name", "filing_entity", "filing_number"))
        {
            return Map(file, CacGenerativeAi, CacGenerative);
        }

        if (file.Has("company", "model", "location", "category"))
        {
            return Map(file, LlmList, LlmRow);
        }

        if (file.Has("type", "owner_name_zh", "title_zh"))
        {
            return Map(file, Funeng, FunengRow);
        }

        return new ImportBatch("unknown", [], [], [ImportError.Of(1, "(header)", "catalog.import.problem.header", string.Join(", ", FunengColumns))]);
    }

    private static ImportBatch Map(TabularFile file, string format, Func<TabularFile.Row, List<ImportError>, ImportedListing?> map)
    {
        var errors = new List<ImportError>();
        if (file.Rows.Count == 0)
        {
            // An import that would write nothing is a mistake (the wrong file, or the rows lost on saving), not a success to audit.
            errors.Add(ImportError.Of(1, "file", "catalog.import.problem.no-rows"));
        }

        var listings = new List<ImportedListing>();
        foreach (var row in file.Rows)
        {
            if (map(row, errors) is { } listing)
            {
                listings.Add(listing);
            }
        }

        // A filing re-listed in a later batch appears twice; the later row wins, as a re-import would.
        var distinct = listings.GroupBy(l => l.SourceId).Select(g => g.Last()).ToList();
        var organisations = distinct.Select(l => l.Owner).GroupBy(o => o.Key).Select(g => g.Last()).ToList();
        return new ImportBatch(format, organisations, distinct, errors);
    }

    private static ImportedListing? CacAlgorithm(TabularFile.Row row, List<ImportError> errors)
    {
        var filing = Required(row, "filing_number", errors);
        var name = Required(row, "algorithm_name", errors);
        var entity = Required(row, "entity", errors);
        if (filing is null || name is null || entity is null)
        {
            return null;
        }

        var city = RealDataVocabulary.CitySlug(row["gd_city"]);
        var purpose = row["purpose"];
        var deepSynthesis = row["list_type"] == "deep_synthesis";
        var classEn = deepSynthesis ? "deep synthesis (generative)" : RealDataVocabulary.AlgorithmClassEn(row["algorithm_class"]);
        var sectors = RealDataVocabulary.SectorsOf($"{name} {row["product"]} {purpose}");
        var content = new ListingContent
        {
            TitleZh = name,
            TitleEn = name,
            SummaryZh = purpose,
            SummaryEn = $"{Capitalise(classEn)} algorithm filed with the Cyberspace Administration of China in batch {row["batch"]} (filing {filing}), offered by {entity}{(row["product"].Length > 0 ? $" in {row["product"]}" : "")}.",
            CitySlug = city,
            Sectors = sectors,
            Keywords = [.. new[] { row["algorithm_class"], row["role"], row["product"] }.Where(k => k.Length > 0)],
            Attributes = Attributes(
                ("filing_number", filing), ("algorithm_class", deepSynthesis ? "深度合成" : row["algorithm_class"]),
                ("role", row["role"]), ("applied_in", row["product"]), ("deployment", "cloud")),
        };
        var owner = new ImportedOrganisation(entity, "", null, city, null, sectors);
        return new ImportedListing(row.Number, CacAlgorithms, filing, ListingType.AlgorithmProduct, owner, content);
    }

    private static ImportedListing? CacGenerative(TabularFile.Row row, List<ImportError> errors)
    {
        var filing = Required(row, "filing_number", errors);
        var name = Required(row, "model_or_app_name", errors);
        var entity = Required(row, "filing_entity", errors);
        if (filing is null || name is null || entity is null)
        {
            return null;
        }

        var city = RealDataVocabulary.CitySlug(row["city"]);
        var registered = row["kind"] == "登记";
        var sectors = RealDataVocabulary.SectorsOf(name);
        var content = new ListingContent
        {
            TitleZh = name,
            TitleEn = name,
            SummaryZh = $"{name}：{entity}的生成式人工智能服务，{(registered ? "已在国家网信办登记" : "已在国家网信办备案")}（{filing}，{row["filing_date"]}）。",
            SummaryEn = $"Generative AI service of {entity}, {(registered ? "registered" : "filed")} with the Cyberspace Administration of China ({filing}, {row["filing_date"]}); large model service in Guangdong.",
            CitySlug = city,
            Sectors = sectors,
            Keywords = ["生成式人工智能", "generative AI", row["kind"]],
            Attributes = Attributes(("filing_number", filing), ("filing_kind", row["kind"]), ("filing_date", row["filing_date"]), ("languages", "zh")),
        };
        var owner = new ImportedOrganisation(entity, "", null, city, null, sectors);
        return new ImportedListing(row.Number, CacGenerativeAi, filing, ListingType.LargeModel, owner, content);
    }

    private static ImportedListing? LlmRow(TabularFile.Row row, List<ImportError> errors)
    {
        var company = Required(row, "company", errors);
        var model = Required(row, "model", errors);
        if (company is null || model is null)
        {
            return null;
        }

        var city = RealDataVocabulary.CitySlug(row["location"]);
        var sector = RealDataVocabulary.SectorOfCategory(row["category"]) ?? "general";
        var content = new ListingContent
        {
            TitleZh = model,
            TitleEn = model,
            SummaryZh = $"{company}的{row["category"]}大模型（{row["location"]}）。{row["note"]}".Trim(),
            SummaryEn = $"Large model of {company} ({row["location"]}), category {row["category"]}; from the Awesome LLMs In China list.",
            CitySlug = city,
            Sectors = [sector],
            Keywords = [.. new[] { row["category"], "大模型", "large model" }.Where(k => k.Length > 0)],
            Attributes = Attributes(("category", row["category"]), ("website", row["model_urls"].Split(';')[0]), ("languages", "zh")),
        };
        var owner = new ImportedOrganisation(company, "", null, city, null, [sector]);
        return new ImportedListing(row.Number, LlmList, $"{company}|{model}", ListingType.LargeModel, owner, content);
    }

    /// <summary>Funeng's format: one listing per row, with its owner; every problem names row and column.</summary>
    private static ImportedListing? FunengRow(TabularFile.Row row, List<ImportError> errors)
    {
        var before = errors.Count;
        var type = ListingTypeKeys.Parse(row["type"]);
        if (type is null)
        {
            errors.Add(ImportError.Of(row.Number, "type", "catalog.import.problem.type", row["type"], string.Join(", ", Enum.GetValues<ListingType>().Select(t => t.Key()))));
        }

        var ownerName = Required(row, "owner_name_zh", errors);
        var code = row["owner_credit_code"].ToUpperInvariant();
        if (code.Length > 0 && CreditCode.Problem(code) is { } problem)
        {
            errors.Add(ImportError.Of(row.Number, "owner_credit_code", "catalog.problem.credit-code", problem));
        }

        var ownerCity = City(row, "owner_city", errors);
        var city = City(row, "city", errors);
        if (type is null || ownerName is null)
        {
            return null;
        }

        var attributes = ListingFields.For(type.Value).Where(f => row[f.Name].Length > 0).ToDictionary(f => f.Name, f => row[f.Name]);
        var content = new ListingContent
        {
            TitleZh = row["title_zh"],
            TitleEn = row["title_en"],
            SummaryZh = row["summary_zh"],
            SummaryEn = row["summary_en"],
            CitySlug = city,
            Sectors = ListingContent.Values(row["sectors"]),
            Keywords = ListingContent.Values(row["keywords"]),
            Attributes = attributes,
        };
        foreach (var invalid in ListingFields.Validate(type.Value, content))
        {
            errors.Add(new ImportError(row.Number, ColumnOf(invalid.Field), invalid.Description));
        }

        var sourceId = row["source_id"].Length > 0 ? row["source_id"] : null;
        if (sourceId is null)
        {
            errors.Add(ImportError.Of(row.Number, "source_id", "catalog.import.problem.source-id"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var owner = new ImportedOrganisation(ownerName, row["owner_name_en"], code.Length > 0 ? code : null, ownerCity, null, content.Sectors);
        return new ImportedListing(row.Number, row["source"].Length > 0 ? row["source"] : Funeng, sourceId!, type.Value, owner, content);
    }

    private static string ColumnOf(string field) => field switch
    {
        "titleZh" => "title_zh",
        "titleEn" => "title_en",
        "summaryZh" => "summary_zh",
        "summaryEn" => "summary_en",
        "citySlug" => "city",
        _ when field.StartsWith("attributes.", StringComparison.Ordinal) => field["attributes.".Length..],
        _ => field,
    };

    private static string? City(TabularFile.Row row, string column, List<ImportError> errors)
    {
        if (row[column].Length == 0)
        {
            return null;
        }

        var slug = RealDataVocabulary.CitySlug(row[column]);
        if (slug is null)
        {
            errors.Add(ImportError.Of(row.Number, column, "catalog.import.problem.city", row[column]));
        }

        return slug;
    }

    private static string? Required(TabularFile.Row row, string column, List<ImportError> errors)
    {
        if (row[column].Length > 0)
        {
            return row[column];
        }

        errors.Add(ImportError.Of(row.Number, column, "catalog.problem.required"));
        return null;
    }

    private static Dictionary<string, string> Attributes(params (string Name, string Value)[] pairs) =>
        pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Name, p => p.Value.Trim());

    private static string Capitalise(string text) => text.Length == 0 ? "Recommendation" : char.ToUpperInvariant(text[0]) + text[1..];
}
