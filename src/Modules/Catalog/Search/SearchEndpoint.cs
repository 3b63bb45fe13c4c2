using Funeng.Catalog.Contracts;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace Funeng.Catalog.Search;

/// <summary>
/// <c>GET /api/v1/catalog/search?q=&amp;mode=most|any|all|phrase&amp;type=&amp;sector=&amp;city=&amp;qualification=&amp;licence=&amp;access=&amp;status=&amp;owner=&amp;page=&amp;size=&amp;sort=&amp;collapse=owner|none</c>;
/// facet parameters repeat for OR (<c>type=dataset&amp;type=large_model</c>). With few hits the answer carries the
/// page's "did you mean" and "try these words" (<see cref="SearchHelp"/>). The handler reads the query string itself
/// (the catalog page parses it the same way), so <see cref="DescribeParameters"/> lists the parameters in the OpenAPI
/// document.
/// </summary>
internal static class SearchEndpoint
{
    public static async Task<Results<Ok<CatalogSearchResult>, ValidationProblem>> HandleAsync(
        HttpRequest request, ICatalogSearch search, SearchHelp help, IActor actor, CancellationToken cancellationToken)
    {
        var parsed = Parse(request.Query, CatalogViewer.From(actor));
        if (parsed.Problems.Count > 0)
        {
            // The house's problem mapping answers 400 with the title and every message in the reader's language.
            throw new InvalidInputException(parsed.Problems);
        }

        var result = await search.SearchAsync(parsed.Request!, cancellationToken);
        return TypedResults.Ok(await help.AddAsync(parsed.Request!, result, cancellationToken));
    }

    /// <summary>Reads a search from query-string parameters (shared by the API and the search page).</summary>
    public static (CatalogSearchRequest? Request, List<FieldProblem> Problems) Parse(IQueryCollection query, CatalogViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<FieldProblem>();
        var page = Number(query, "page", 1, problems);
        var size = Number(query, "size", CatalogSearchRequest.DefaultPageSize, problems);
        if (size is < 1 or > CatalogSearchRequest.MaxPageSize)
        {
            problems.Add(FieldProblem.Of("size", "catalog.search.problem.size", CatalogSearchRequest.MaxPageSize));
        }

        if (page < 1)
        {
            problems.Add(FieldProblem.Of("page", "catalog.glossary.invalid.page"));
        }
        else if (size is >= 1 and <= CatalogSearchRequest.MaxPageSize && (long)page * size > CatalogSearchRequest.MaxResultWindow)
        {
            problems.Add(FieldProblem.Of("page", "catalog.search.problem.window", CatalogSearchRequest.MaxResultWindow));
        }

        var text = query["q"].ToString();
        if (text.Length > CatalogSearchRequest.MaxTextLength)
        {
            problems.Add(FieldProblem.Of("q", "catalog.search.problem.length", CatalogSearchRequest.MaxTextLength));
        }

        var match = CatalogTextMatch.MostTerms;
        if (query["mode"].ToString() is { Length: > 0 } modeText)
        {
            match = modeText.ToLowerInvariant() switch
            {
                "most" => CatalogTextMatch.MostTerms,
                "any" => CatalogTextMatch.AnyTerm,
                "all" => CatalogTextMatch.AllTerms,
                "phrase" => CatalogTextMatch.Phrase,
                _ => Refused(problems, "mode", CatalogTextMatch.MostTerms),
            };
        }

        var sort = CatalogSort.Relevance;
        if (query["sort"].ToString() is { Length: > 0 } sortText && !Enum.TryParse(sortText, true, out sort))
        {
            problems.Add(FieldProblem.Of("sort", "catalog.search.problem.sort"));
        }

        ListingStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            status = Enum.TryParse<ListingStatus>(statusText, true, out var s) ? s : null;
            if (status is null)
            {
                problems.Add(FieldProblem.Of("status", "catalog.search.problem.status"));
            }
        }

        Guid? owner = null;
        if (query["owner"].ToString() is { Length: > 0 } ownerText)
        {
            owner = Guid.TryParse(ownerText, out var o) ? o : null;
            if (owner is null)
            {
                problems.Add(FieldProblem.Of("owner", "catalog.search.problem.owner"));
            }
        }

        var filters = new CatalogFilters
        {
            Types = Values(query, Parameter(CatalogFacets.Type)),
            Sectors = Values(query, Parameter(CatalogFacets.Sector)),
            Cities = Values(query, Parameter(CatalogFacets.City)),
            Qualifications = Values(query, Parameter(CatalogFacets.Qualification)),
            Licences = Values(query, Parameter(CatalogFacets.Licence)),
            AccessLevels = Values(query, Parameter(CatalogFacets.AccessLevel)),
            OwnerOrganisationId = owner,
            Status = status,
        };
        var collapse = true;
        if (query["collapse"].ToString() is { Length: > 0 } collapseText)
        {
            collapse = collapseText.ToLowerInvariant() switch
            {
                "owner" => true,
                "none" => false,
                _ => Refused(problems, "collapse", true),
            };
        }

        return (problems.Count > 0 ? null : new CatalogSearchRequest(text, filters, viewer, page, size, sort) { TextMatch = match, CollapseByOwner = collapse }, problems);
    }

    /// <summary>
    /// The query-string parameter of a facet; the API, the search page and a saved search's link use the same, so a
    /// facet's link opens the same search everywhere.
    /// </summary>
    public static string Parameter(string facet) => facet == CatalogFacets.AccessLevel ? "access" : facet;

    /// <summary>Notes that <paramref name="field"/> has none of its values (its message says which) and goes on with <paramref name="fallback"/>.</summary>
    private static T Refused<T>(List<FieldProblem> problems, string field, T fallback)
    {
        problems.Add(FieldProblem.Of(field, "catalog.search.problem." + field));
        return fallback;
    }

    /// <summary>The parameters <see cref="Parse"/> reads, as the OpenAPI document describes them.</summary>
    public static Task DescribeParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        var number = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        var values = new OpenApiSchema { Type = JsonSchemaType.Array, Items = text };
        OpenApiSchema OneOf(params string[] names) => new() { Type = JsonSchemaType.String, Enum = [.. names.Select(n => (JsonNode)n)], Default = names[0] };
        operation.Parameters ??= [];
        foreach (var (name, description, schema) in (IEnumerable<(string, string, OpenApiSchema)>)
        [
            ("q", $"Words, a sentence or a need in Chinese or English (at most {CatalogSearchRequest.MaxTextLength} characters); \"quotes\" for an exact phrase. Empty: every listing, newest and most complete first.", text),
            ("mode", "most: enough of the words, scaled to the text's length (default); any: any one word; all: every word; phrase: the text exactly.", OneOf("most", "any", "all", "phrase")),
            (Parameter(CatalogFacets.Type), "Listing types (repeat for any of several): algorithm_product, dataset, large_model, …", values),
            (Parameter(CatalogFacets.Sector), "Sectors (repeat for any of several), as the facet counts name them.", values),
            (Parameter(CatalogFacets.City), "Cities (repeat for any of several), as the facet counts name them.", values),
            (Parameter(CatalogFacets.Qualification), "Qualifications of the owning organisation (repeat for any of several).", values),
            (Parameter(CatalogFacets.Licence), "Licences (repeat for any of several).", values),
            (Parameter(CatalogFacets.AccessLevel), "Access levels (repeat for any of several).", values),
            ("status", "A listing status: draft, submitted, published, returned or withdrawn (the public sees published listings only).", text),
            ("owner", "An organisation id: only its listings and profile.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }),
            ("page", "The page, from 1.", number),
            ("size", $"Hits per page, 1 to {CatalogSearchRequest.MaxPageSize} (default {CatalogSearchRequest.DefaultPageSize}); page × size at most {CatalogSearchRequest.MaxResultWindow}.", number),
            ("sort", "relevance (default), newest or title.", OneOf("relevance", "newest", "title")),
            ("collapse", "owner: each organisation once, by its best match, with how many more it has (default, by relevance); none: every matching listing.", OneOf("owner", "none")),
        ])
        {
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Description = description, Schema = schema });
        }

        return Task.CompletedTask;
    }

    private static string[] Values(IQueryCollection query, string name) =>
        query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToArray();

    private static int Number(IQueryCollection query, string name, int fallback, List<FieldProblem> problems)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(FieldProblem.Of(name, "catalog.search.problem.number"));
        return fallback;
    }
}
