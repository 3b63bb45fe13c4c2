using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Taxonomy;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>What a listing's documents need to know of its owner.</summary>
internal sealed record IndexedOwner(Guid Id, string NameZh, string NameEn, IReadOnlyList<string> Qualifications)
{
    public static IndexedOwner Of(OrganisationRecord? organisation, Guid id, DateOnly today) => organisation is null
        ? new(id, "", "", [])
        : new(id, organisation.LegalNameZh, organisation.LegalNameEn,
            organisation.Qualifications.Where(q => q.IsValidOn(today)).Select(q => q.Kind).Distinct().ToList());
}

/// <summary>Turns listings and organisation profiles into index documents.</summary>
internal static class SearchDocuments
{
    /// <summary>
    /// The documents of a listing: the latest published version for the public (unless withdrawn) and, while the
    /// working copy differs from it (draft, submitted, returned, withdrawn), the working copy for owner and office.
    /// </summary>
    public static IEnumerable<Document> ForListing(ListingRecord listing, ListingContent? published, IndexedOwner owner)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var working = listing.Status != ListingStatus.Published;
        if (published is not null && listing.Status != ListingStatus.Withdrawn)
        {
            yield return Listing(listing, published, owner, IndexFields.RolePublished, ListingStatus.Published, current: !working);
        }

        if (working)
        {
            yield return Listing(listing, listing.Content, owner, IndexFields.RoleWorking, listing.Status, current: true);
        }
    }

    public static Document ForOrganisation(OrganisationRecord organisation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var id = organisation.OrganisationId.ToString();
        var doc = Common("org:" + id, id, CatalogHitKind.Organisation, ListingTypeKeys.Organisation, ListingStatus.Published, id,
            organisation.LegalNameZh, organisation.LegalNameEn, organisation.LegalNameZh, IndexFields.RolePublished, current: true, organisation.UpdatedAt);
        var summary = organisation.DescriptionZh ?? organisation.DescriptionEn ?? "";
        AddText(doc, organisation.LegalNameZh, organisation.LegalNameEn, summary, organisation.DescriptionEn, organisation.CreditCode, organisation.District);
        doc.Add(new StoredField(IndexFields.Summary, summary));
        doc.Add(new StoredField(IndexFields.SummaryEn, organisation.DescriptionEn ?? ""));
        AddCommonFacets(doc, organisation.Sectors, organisation.CitySlug,
            organisation.Qualifications.Where(q => q.IsValidOn(today)).Select(q => q.Kind).Distinct());
        return doc;
    }

    private static Document Listing(ListingRecord listing, ListingContent content, IndexedOwner owner, string role, ListingStatus status, bool current)
    {
        var id = listing.Id.ToString();
        var doc = Common($"{(role == IndexFields.RolePublished ? "pub" : "work")}:{id}", id, CatalogHitKind.Listing, listing.Type.Key(), status,
            owner.Id.ToString(), content.TitleZh, content.TitleEn, owner.NameZh, role, current, listing.UpdatedAt);
        AddText(doc, content.TitleZh, content.TitleEn, content.SummaryZh, content.SummaryEn, owner.NameZh, owner.NameEn);
        doc.Add(new StoredField(IndexFields.OwnerNameEn, owner.NameEn ?? ""));
        AddText(doc, [.. content.Keywords, .. content.Attributes.Values, TypeName(listing.Type)]);
        doc.Add(new StoredField(IndexFields.Summary, string.IsNullOrWhiteSpace(content.SummaryZh) ? content.SummaryEn : content.SummaryZh));
        doc.Add(new StoredField(IndexFields.SummaryEn, content.SummaryEn ?? ""));
        AddCommonFacets(doc, content.Sectors, content.CitySlug, owner.Qualifications);
        doc.Add(new NumericDocValuesField(IndexFields.Completeness, Completeness(content)));
        foreach (var licence in ListingContent.Values(content.Attribute("licence")))
        {
            AddFacet(doc, CatalogFacets.Licence, licence);
        }

        if (content.Attribute("access_level") is { Length: > 0 } access)
        {
            AddFacet(doc, CatalogFacets.AccessLevel, access);
        }

        return doc;
    }

    private static Document Common(string key, string id, CatalogHitKind kind, string type, ListingStatus status, string owner,
        string titleZh, string titleEn, string ownerName, string role, bool current, DateTimeOffset updated)
    {
        var doc = new Document
        {
            new StringField(IndexFields.Key, key, Field.Store.NO),
            new StringField(IndexFields.Id, id, Field.Store.YES),
            new StringField(IndexFields.Kind, kind.ToString(), Field.Store.YES),
            new StringField(IndexFields.Status, status.ToString(), Field.Store.YES),
            new StringField(IndexFields.Owner, owner, Field.Store.YES),
            new StoredField(IndexFields.OwnerName, ownerName),
            new StringField(IndexFields.Role, role, Field.Store.NO),
            new StringField(IndexFields.Current, current ? "1" : "0", Field.Store.NO),
        };
        AddTitle(doc, titleZh);
        doc.Add(
            // An "English" title that is the Chinese one (the CAC importer gives a filing its name as both) is no
            // second title: searched as one, a word of it scored the title weight twice (and its characters one by one
            // in the English title's analysis). It is kept for display.
            SameText(titleEn, titleZh) ? new StoredField(IndexFields.TitleEn, titleEn) : new TextField(IndexFields.TitleEn, titleEn, Field.Store.YES));
        doc.Add(new NumericDocValuesField(IndexFields.Updated, updated.UtcTicks));
        doc.Add(new SortedDocValuesField(IndexFields.TitleSort, new BytesRef(string.IsNullOrEmpty(titleZh) ? titleEn : titleZh)));
        doc.Add(new StoredField(IndexFields.TypeStored, type));
        AddFacet(doc, CatalogFacets.Type, type);
        return doc;
    }

    /// <summary>The Chinese title, shown as written and searched in simplified characters (<see cref="IndexedText"/>).</summary>
    private static void AddTitle(Document doc, string titleZh)
    {
        var searched = IndexedText.Of(titleZh);
        if (searched == titleZh)
        {
            doc.Add(new TextField(IndexFields.TitleZh, titleZh, Field.Store.YES));
            return;
        }

        doc.Add(new StoredField(IndexFields.TitleZh, titleZh));
        doc.Add(new TextField(IndexFields.TitleZh, searched, Field.Store.NO));
    }

    private static void AddCommonFacets(Document doc, IEnumerable<string> sectors, string? city, IEnumerable<string> qualifications)
    {
        var sectorList = sectors.ToList();
        foreach (var sector in sectorList)
        {
            AddFacet(doc, CatalogFacets.Sector, sector);
            AddText(doc, Sectors.Name(sector).Zh, Sectors.Name(sector).En);
        }

        doc.Add(new StoredField(IndexFields.SectorsStored, string.Join(';', sectorList)));
        if (city is not null)
        {
            AddFacet(doc, CatalogFacets.City, city);
            doc.Add(new StoredField(IndexFields.CityStored, city));
            if (GuangdongCities.Find(city) is { } found)
            {
                AddText(doc, found.Name.Zh, found.Name.En);
            }
        }

        foreach (var qualification in qualifications)
        {
            AddFacet(doc, CatalogFacets.Qualification, qualification);
        }
    }

    /// <summary>A facet value is indexed twice: as a term to filter by and as doc values to count.</summary>
    private static void AddFacet(Document doc, string facet, string value)
    {
        doc.Add(new StringField(facet, value, Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(facet, new BytesRef(value)));
    }

    private static bool SameText(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal);

    /// <summary>The texts into the bigram and word fields, each once (a name written the same in both languages counts once), in simplified characters.</summary>
    private static void AddText(Document doc, params string?[] texts)
    {
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => IndexedText.Of(t!.Trim())).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new TextField(IndexFields.All, text, Field.Store.NO));
            doc.Add(new TextField(IndexFields.Words, text, Field.Store.NO));
        }
    }

    /// <summary>Filled fields of a listing (both titles, both summaries, keywords, sectors, city, attributes).</summary>
    private static long Completeness(ListingContent content) =>
        new[]
        {
            !string.IsNullOrWhiteSpace(content.TitleEn) && content.TitleEn != content.TitleZh, !string.IsNullOrWhiteSpace(content.SummaryZh),
            !string.IsNullOrWhiteSpace(content.SummaryEn), content.Keywords.Count > 0, content.Sectors.Count > 0, content.CitySlug is not null,
        }.Count(f => f) + Math.Min(content.Attributes.Count, 5);

    private static string TypeName(ListingType type) => type switch
    {
        ListingType.AlgorithmProduct => "算法产品 algorithm product",
        ListingType.LargeModel => "大模型 large model",
        ListingType.Dataset => "数据集 dataset",
        ListingType.TerminalProduct => "智能终端 smart terminal",
        ListingType.Patent => "专利 patent",
        _ => type.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
