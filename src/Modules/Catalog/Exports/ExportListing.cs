using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Exports;

/// <summary>Datasets as DCAT JSON-LD and large models as a model-card Markdown file.</summary>
internal static class ExportListing
{
    public static async Task<Results<ContentHttpResult, NotFound>> DcatAsync(Guid id, CatalogQueries queries, IActor actor, IOptions<PublicSiteOptions> site, CancellationToken cancellationToken)
    {
        var listing = await queries.FindListingAsync(id, CatalogViewer.From(actor), cancellationToken);
        if (listing?.Summary.Type != ListingType.Dataset)
        {
            return TypedResults.NotFound();
        }

        var owner = await queries.FindOrganisationAsync(listing.Summary.OwnerOrganisationId, cancellationToken);
        // The configured public address, never the request's Host header (a client could name any site).
        var baseUri = site.Value.BaseUrl;
        return TypedResults.Content(Dcat(listing, owner, baseUri).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/ld+json", Encoding.UTF8);
    }

    public static async Task<Results<ContentHttpResult, NotFound>> ModelCardAsync(Guid id, CatalogQueries queries, IActor actor, CancellationToken cancellationToken)
    {
        var listing = await queries.FindListingAsync(id, CatalogViewer.From(actor), cancellationToken);
        if (listing?.Summary.Type != ListingType.LargeModel)
        {
            return TypedResults.NotFound();
        }

        var owner = await queries.FindOrganisationAsync(listing.Summary.OwnerOrganisationId, cancellationToken);
        return TypedResults.Content(ModelCard(listing, owner), "text/markdown", Encoding.UTF8);
    }

    /// <summary>A dcat:Dataset with its distributions (W3C DCAT 3 vocabulary, Dublin Core terms).</summary>
    internal static JsonObject Dcat(ListingDetail listing, OrganisationProfile? owner, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var s = listing.Summary;
        string Attr(string name) => listing.Attributes.GetValueOrDefault(name) ?? "";
        var distributions = new JsonArray();
        foreach (var distribution in ListingContent.Values(Attr("distributions")))
        {
            distributions.Add(new JsonObject { ["@type"] = "dcat:Distribution", ["dct:format"] = distribution.Split(' ')[0], ["dct:description"] = distribution });
        }

        var keywords = new JsonArray(listing.Keywords.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
        var themes = new JsonArray(ListingContent.Values(Attr("themes")).Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["funeng"] = $"{baseUri}/ns/catalog#",
            },
            ["@id"] = $"{baseUri}/catalog/listings/{s.Id}",
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = s.Id.ToString(),
            ["dct:title"] = new JsonArray(new JsonObject { ["@language"] = "zh", ["@value"] = s.TitleZh }, new JsonObject { ["@language"] = "en", ["@value"] = s.TitleEn }),
            ["dct:description"] = new JsonArray(new JsonObject { ["@language"] = "zh", ["@value"] = s.SummaryZh }, new JsonObject { ["@language"] = "en", ["@value"] = s.SummaryEn }),
            ["dct:publisher"] = new JsonObject { ["@type"] = "foaf:Organization", ["foaf:name"] = Attr("publisher").Length > 0 ? Attr("publisher") : owner?.LegalNameZh },
            ["dct:license"] = Attr("licence"),
            ["dcat:theme"] = themes,
            ["dcat:keyword"] = keywords,
            ["dct:spatial"] = Attr("spatial_coverage"),
            ["dct:temporal"] = Attr("temporal_coverage"),
            ["dct:issued"] = Attr("issued"),
            ["dct:modified"] = Attr("modified"),
            ["dct:accessRights"] = Attr("access_level"),
            ["funeng:qualityStatement"] = Attr("quality_statement"),
            ["funeng:version"] = s.PublishedVersion,
            ["dcat:distribution"] = distributions,
        };
    }

    /// <summary>
    /// A model card in Markdown, with the sections of the usual model-card template. Every value a supplier typed
    /// is escaped (<see cref="Text"/>): Markdown renderers pass raw HTML through, so a listing could otherwise put
    /// script or markup into the reader's page.
    /// </summary>
    internal static string ModelCard(ListingDetail listing, OrganisationProfile? owner)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var s = listing.Summary;
        string Attr(string name) => listing.Attributes.GetValueOrDefault(name) is { Length: > 0 } v ? v : "—";
        var card = new StringBuilder();
        card.AppendLine(CultureInfo.InvariantCulture, $"# {Line(s.TitleZh)}{(s.TitleEn.Length > 0 && s.TitleEn != s.TitleZh ? $" ({Line(s.TitleEn)})" : "")}");
        card.AppendLine();
        card.AppendLine(CultureInfo.InvariantCulture, $"- Developer / 开发者: {Line(owner?.LegalNameZh ?? s.OwnerOrganisationId.ToString())}");
        card.AppendLine(CultureInfo.InvariantCulture, $"- Parameters / 参数量: {Line(Attr("parameters"))}");
        card.AppendLine(CultureInfo.InvariantCulture, $"- Modalities / 模态: {Line(Attr("modalities"))}");
        card.AppendLine(CultureInfo.InvariantCulture, $"- Languages / 语言: {Line(Attr("languages"))}");
        card.AppendLine(CultureInfo.InvariantCulture, $"- Licence / 许可: {Line(Attr("licence"))}");
        card.AppendLine(CultureInfo.InvariantCulture, $"- Filing or registration number / 备案号: {Line(Attr("filing_number"))}");
        card.AppendLine(CultureInfo.InvariantCulture, $"- Version / 版本: {s.PublishedVersion?.ToString(CultureInfo.InvariantCulture) ?? "unpublished"}");
        card.AppendLine();
        Section(card, "Description / 简介", $"{s.SummaryZh}\n\n{s.SummaryEn}".Trim());
        Section(card, "Intended use / 预期用途", Attr("intended_use"));
        Section(card, "Limitations / 局限", Attr("limitations"));
        Section(card, "Evaluation results / 评测结果", Attr("evaluation_results"));
        return card.ToString();
    }

    /// <summary>Supplier text made inert in Markdown: HTML's special characters become entities, which render as themselves.</summary>
    internal static string Text(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Escaped text for a heading or list item: one line, so it cannot start a section of its own.</summary>
    private static string Line(string value) => Text(string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)));

    private static void Section(StringBuilder card, string title, string body)
    {
        card.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        card.AppendLine();
        card.AppendLine(body.Length > 0 ? Text(body) : "—");
        card.AppendLine();
    }
}
