using System.Net;
using System.Text.RegularExpressions;
using Funeng.Kernel.Security;

namespace Funeng.Catalog.Tests.Organisations;

/// <summary>The profile and qualification forms over HTTP, as a browser without JavaScript posts them.</summary>
public sealed partial class ProfilePageTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_saves_the_profile_and_adds_a_qualification_through_the_forms()
    {
        var member = await app.CreateUserAsync(Roles.Enterprise);
        var token = await FormTokenAsync(member.Client);

        var saved = await PostAsync(member.Client, "/catalog/profile", token, ("legalNameZh", "广州测试智能科技有限公司"), ("legalNameEn", "Guangzhou Test AI"),
            ("citySlug", "guangzhou"), ("size", "small"), ("sectors", "elder_care"), ("contactEmail", "ai@example.cn"));
        var added = await PostAsync(member.Client, "/catalog/profile?handler=qualification", token, ("kind", "specialised_sme"),
            ("issuer", "广东省工业和信息化厅"), ("validFrom", "2025-01-01"), ("validTo", "2027-12-31"), ("evidence", "https://gdii.gd.gov.cn/list"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = WebUtility.HtmlDecode(await member.Client.GetStringAsync("/catalog/profile", Token));
        Assert.Contains("广州测试智能科技有限公司", page, StringComparison.Ordinal);
        Assert.Contains("广东省工业和信息化厅", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_shown_next_to_each_field_and_nothing_is_saved()
    {
        var member = await app.CreateUserAsync(Roles.Enterprise);
        var token = await FormTokenAsync(member.Client);

        var refused = await PostAsync(member.Client, "/catalog/profile", token, ("legalNameZh", ""), ("creditCode", "91440101MA5CXXXXXX"), ("contactEmail", "not-an-address"));
        var qualification = await PostAsync(member.Client, "/catalog/profile?handler=qualification", token, ("kind", "specialised_sme"), ("validFrom", "2026-01-01"), ("validTo", "2025-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token));
        Assert.Contains("id=\"profile-legalNameZh-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"profile-creditCode-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"profile-contactEmail-error\"", html, StringComparison.Ordinal);
        Assert.Contains("请填写中文法定名称。", html, StringComparison.Ordinal);
        var qualificationHtml = WebUtility.HtmlDecode(await qualification.Content.ReadAsStringAsync(Token));
        Assert.Contains("id=\"qualification-issuer-error\"", qualificationHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"qualification-validTo-error\"", qualificationHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"qualification-evidence-error\"", qualificationHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/v1/catalog/organisations/{member.OrganisationId}", Token)).StatusCode);
    }

    private static async Task<string> FormTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/catalog/profile", Token);
        return TokenField().Match(html).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]), Token);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
