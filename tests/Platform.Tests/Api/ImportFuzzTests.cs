using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace Funeng.Platform.Tests.Api;

/// <summary>
/// Issue 15: every importer and upload — the catalog import (API and page), the index observation import (API and
/// page), the compute simulation page (trace and result) and application attachments — gets malformed CSV, unclosed
/// quotes, text that is not UTF-8, GBK, duplicate and trim-duplicate headers, an empty file, a header only, a huge
/// cell, a non-zip and a bomb .xlsx, an oversized file, the wrong content type and a form without a file. None may
/// answer 500 or show an exception, and a refused upload leaves every table's row count as it was.
/// </summary>
public abstract partial class ImportFuzzTests(EnvironmentApp app)
{
    private const string CatalogHeader = "type,source,source_id,owner_name_zh,title_zh,title_en";

    private const string IndexHeader = "indicator,scope,year,value,source";

    /// <summary>
    /// Tables the saved-search worker writes on its own schedule after an accepted import (the GBK file is one),
    /// whatever request happens to be in flight; a refused request's writes would show in every other table.
    /// </summary>
    private static readonly HashSet<string> BackgroundTables = ["catalog_saved_search_queue", "catalog_saved_search_matches", "platform_notifications"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One hostile upload: its file name, bytes, and whether an API must refuse it (4xx).</summary>
    private sealed record Upload(string Case, string FileName, byte[] Bytes, bool MustRefuse = true);

    /// <summary>
    /// An upload endpoint or page: sends a file (or, with <c>false</c>, the bytes in a body of the wrong kind).
    /// <paramref name="ReadsTables"/>: it parses the file as a table, so every hostile file must be refused; an
    /// attachment may be stored as it is.
    /// </summary>
    private sealed record Importer(string Name, bool IsApi, string Header, Func<Upload, bool, Task<HttpResponseMessage>> SendAsync, bool ReadsTables = true);

    [Fact(Timeout = 600_000)]
    public async Task No_importer_answers_500_or_a_stack_trace_and_a_refused_upload_writes_nothing()
    {
        var importers = await ImportersAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var importer in importers)
        {
            foreach (var upload in Uploads(importer.Header))
            {
                foreach (var asForm in new[] { true, false })
                {
                    var before = await RowCountsAsync();
                    using var response = await importer.SendAsync(upload, asForm);
                    sent++;
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    var what = $"{importer.Name} {upload.Case}{(asForm ? "" : " (wrong content type)")}";
                    if ((int)response.StatusCode >= 500 || ApiSurface.CarriesStackTrace(body))
                    {
                        failures.Add($"{what}: {(int)response.StatusCode} {BadInputTests.Shorten(body)}");
                    }
                    else if (importer.IsApi && importer.ReadsTables && (upload.MustRefuse || !asForm) && (int)response.StatusCode is < 400 or 401 or 403)
                    {
                        failures.Add($"{what}: {(int)response.StatusCode}, expected a refusal");
                    }

                    // A page answers a refusal with 200 and the problems shown; an API with a 4xx.
                    var refused = (int)response.StatusCode >= 400 || (importer.ReadsTables && (upload.MustRefuse || !asForm));
                    var changed = (await RowCountsAsync()).Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key} {before.GetValueOrDefault(t.Key)}→{t.Value}").ToList();
                    if (refused && changed.Count > 0)
                    {
                        failures.Add($"{what}: refused ({(int)response.StatusCode}) but wrote {string.Join(", ", changed)}");
                    }
                }
            }
        }

        Assert.True(sent >= 150, $"only {sent} uploads sent");
        Assert.True(failures.Count == 0, $"{app.Environment}: {failures.Count} of {sent} uploads failed:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Bug_15_an_index_import_with_an_unclosed_quote_or_a_form_body_is_a_400_naming_the_row_or_field()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);

        var quote = await office.Client.PostAsync("/api/v1/index/observations/import?format=csv",
            new StringContent(IndexHeader + "\nalgorithm_filings,广州,2025,\"477,CAC\n", Encoding.UTF8, "text/csv"), Ct);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(IndexHeader + "\n")), "file", "x.csv" } };
        var multipart = await office.Client.PostAsync("/api/v1/index/observations/import", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, quote.StatusCode);
        Assert.Contains("row 2.file", await quote.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, multipart.StatusCode);
        Assert.Contains("contentType", await multipart.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<List<Importer>> ImportersAsync()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var officeBrowser = await app.SignInAsync(office, Ct);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var centre = await office.Client.PostAsJsonAsync("/api/v1/compute/centres",
            new { nameZh = "模拟中心", nameEn = "Fuzz centre", operatorOrganisationId = Guid.NewGuid(), city = "guangzhou", tier = "provincial" }, Ct);
        var centreId = (await centre.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetString();
        (await office.Client.PostAsJsonAsync($"/api/v1/compute/centres/{centreId}/pools", new
        {
            name = "fuzz-pool", accelerator = "A100", devices = 8, fp16Tflops = 312.0, fp32Tflops = 19.5, memoryGb = 80.0, interconnect = "NVLink", pricePerDeviceHour = 10m, engine = "simulator",
        }, Ct)).EnsureSuccessStatusCode();
        var facts = new
        {
            values = new Dictionary<string, string> { ["city"] = "guangzhou", ["qualifications"] = "answered" },
            qualifications = new[] { new { code = "national_single_champion", from = new DateOnly(2025, 11, 20) } },
        };
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", facts, Ct)).EnsureSuccessStatusCode();
        var applied = await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = "single-champion-reward" }, Ct);
        var applicationId = (await applied.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetString();

        return
        [
            new("POST /api/v1/catalog/imports", true, CatalogHeader, (u, form) => ApiFormAsync(office.Client, "/api/v1/catalog/imports", "file", u, form)),
            new("page /catalog/import", false, CatalogHeader, (u, form) => PageFormAsync(officeBrowser, "/catalog/import", null, "file", u, form)),
            new("POST /api/v1/index/observations/import", true, IndexHeader, (u, form) => IndexApiAsync(office.Client, u, form)),
            new("page /empowerment-index/observations/import", false, IndexHeader, (u, form) => PageFormAsync(officeBrowser, "/empowerment-index/observations/import", null, "Upload", u, form)),
            new("page /compute/simulations (trace)", false, "job_name,task_name,inst_num,status,start_time,end_time,plan_cpu,plan_mem,plan_gpu,gpu_type",
                (u, form) => PageFormAsync(officeBrowser, "/compute/simulations", "Run", "trace", u, form, ("format", "Alibaba"))),
            new("page /compute/simulations (result)", false, "{", (u, form) => PageFormAsync(officeBrowser, "/compute/simulations", "Result", "result", u, form)),
            new("POST /api/v1/incentives/applications/{id}/attachments", true, CatalogHeader,
                (u, form) => ApiFormAsync(enterprise.Client, $"/api/v1/incentives/applications/{applicationId}/attachments", "file", u, form, ("documentKey", "x")), ReadsTables: false),
        ];
    }

    /// <summary>The hostile files, each headed (where a header matters) by the importer's own header.</summary>
    private static IEnumerable<Upload> Uploads(string header)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var columns = header.Split(',');
        var row = string.Join(",", columns.Select((_, i) => i == 0 ? "algorithm_product" : "值" + i));
        yield return new("malformed CSV", "bad.csv", Encoding.UTF8.GetBytes(header + "\n\"a\"b,,\"\n,\"\"\"\n" + row + ",extra,cells\n"));
        yield return new("unclosed quote", "quote.csv", Encoding.UTF8.GetBytes(header + "\n" + row + "\n\"never closed," + row + "\n"));
        yield return new("not UTF-8 nor GBK", "latin1.csv", Encoding.Latin1.GetBytes(header + "\nCafé é,ü ö,\u00e9\n"));
        yield return new("GBK", "gbk.csv", Encoding.GetEncoding("GB18030").GetBytes(header + "\n" + row + "\n"), MustRefuse: false);
        yield return new("binary as CSV", "binary.csv", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))]);
        yield return new("duplicate header", "twice.csv", Encoding.UTF8.GetBytes(header + "," + columns[0] + "\n" + row + ",x\n"));
        yield return new("trim-duplicate header", "trim.csv", Encoding.UTF8.GetBytes(header + ", " + columns[^1] + " \n" + row + ",x\n"));
        yield return new("empty file", "empty.csv", []);
        yield return new("header only", "header.csv", Encoding.UTF8.GetBytes(header + "\n"));
        yield return new("huge cell", "huge.csv", Encoding.UTF8.GetBytes(header + "\n" + row + new string('长', UploadedFiles.MaxCellLength + 1) + "\n"));
        yield return new("oversized file", "big.csv", Oversized.Value);
        yield return new("wrong extension", "data.txt", Encoding.UTF8.GetBytes(header + "\n" + row + "\n"));
        yield return new("non-zip .xlsx", "fake.xlsx", Encoding.UTF8.GetBytes(header + "\n" + row + "\n"));
        yield return new("xlsx bomb", "bomb.xlsx", XlsxBomb.Value);
        yield return new("xlsx with a duplicate header", "twice.xlsx", Xlsx([.. columns, " " + columns[0]]));
        yield return new("xlsx header only", "header.xlsx", Xlsx(columns));
    }

    /// <summary>One byte over <see cref="UploadedFiles.MaxBytes"/>.</summary>
    private static readonly Lazy<byte[]> Oversized = new(() => Enumerable.Repeat((byte)'a', (int)UploadedFiles.MaxBytes + 1).ToArray());

    /// <summary>A small zip whose one sheet unpacks past <see cref="UploadedFiles.MaxXlsxUnpackedBytes"/>.</summary>
    private static readonly Lazy<byte[]> XlsxBomb = new(() =>
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= UploadedFiles.MaxXlsxUnpackedBytes / zeros.Length; i++)
            {
                part.Write(zeros);
            }
        }

        Assert.True(zip.Length < 1024 * 1024, "the bomb is small packed");
        return zip.ToArray();
    });

    /// <summary>A real workbook whose first row is <paramref name="headers"/> and which has one data row.</summary>
    private static byte[] Xlsx(string[] headers)
    {
        using var stream = new MemoryStream();
        var rows = new[]
        {
            headers.Select((h, i) => (Key: $"c{i}", Value: (object)h)).ToDictionary(c => c.Key, c => c.Value),
            headers.Select((_, i) => (Key: $"c{i}", Value: (object)("v" + i))).ToDictionary(c => c.Key, c => c.Value),
        };
        stream.SaveAs(rows, printHeader: false);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ApiFormAsync(HttpClient client, string url, string field, Upload upload, bool asForm, params (string Name, string Value)[] extra)
    {
        using HttpContent content = asForm ? Form(field, upload, extra) : Bare(upload);
        return await client.PostAsync(url, content, Ct);
    }

    private static async Task<HttpResponseMessage> IndexApiAsync(HttpClient client, Upload upload, bool asFile)
    {
        // The index API takes the file itself as the body; a form is its wrong content type.
        using HttpContent content = asFile ? Bare(upload, upload.FileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv") : Form("file", upload, []);
        var format = upload.FileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "xlsx" : "csv";
        return await client.PostAsync($"/api/v1/index/observations/import?format={format}", content, Ct);
    }

    private static async Task<HttpResponseMessage> PageFormAsync(HttpClient browser, string path, string? handler, string field, Upload upload, bool asForm, params (string Name, string Value)[] extra)
    {
        var html = await browser.GetStringAsync(path, Ct);
        var token = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        var url = handler is null ? path : $"{path}?handler={handler}";
        using HttpContent content = asForm ? Form(field, upload, [.. extra, ("__RequestVerificationToken", token)]) : Bare(upload);
        return await browser.PostAsync(url, content, Ct);
    }

    /// <summary>A form with the file (none when the upload is empty: a form without a file) and the other fields.</summary>
    private static MultipartFormDataContent Form(string field, Upload upload, (string Name, string Value)[] extra)
    {
        var form = new MultipartFormDataContent();
        if (upload.Bytes.Length > 0)
        {
            var file = new ByteArrayContent(upload.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, field, upload.FileName);
        }

        foreach (var (name, value) in extra)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static ByteArrayContent Bare(Upload upload, string contentType = "text/csv")
    {
        var content = new ByteArrayContent(upload.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    /// <summary>Rows in every table of the app's database but the <see cref="BackgroundTables"/>.</summary>
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                if (!BackgroundTables.Contains(reader.GetString(0)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync(Ct))!;
        }

        return counts;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

public sealed class ImportFuzzInDevelopmentTests(DevelopmentApp app) : ImportFuzzTests(app), IClassFixture<DevelopmentApp>;

public sealed class ImportFuzzInProductionTests(ProductionApp app) : ImportFuzzTests(app), IClassFixture<ProductionApp>;
