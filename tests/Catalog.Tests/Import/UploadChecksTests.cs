using System.Globalization;
using System.IO.Compression;
using System.Text;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Kernel;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Tests.Import;

/// <summary>Issue 15's import findings: each bad upload is refused before it is read, with the limit, line or column named.</summary>
public sealed class UploadChecksTests
{
    private const string Header = "type,source,source_id,owner_name_zh,title_zh,title_en\n";

    private static Task<TabularFile> ReadAsync(byte[] bytes, string name) =>
        TabularFile.ReadAsync(new MemoryStream(bytes), name, TestContext.Current.CancellationToken);

    /// <summary>The refusal's locations and messages in English, as the CLI would print them with <c>--culture en</c>.</summary>
    private static async Task<string> RefusalAsync(byte[] bytes, string name)
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync(bytes, name));
        Assert.NotEmpty(DataFileError.Among(refused));
        return string.Join(" ", refused.Describe(new UiText([new UiStringSource(typeof(FunengKernel).Assembly)]), CultureInfo.GetCultureInfo(UiCultures.English)).Select(p => $"{p.Key}: {string.Join(" ", p.Value)}"));
    }

    [Fact]
    public async Task An_upload_refusal_is_told_in_Chinese_naming_the_file_and_the_limit()
    {
        var text = new UiText([new UiStringSource(typeof(FunengKernel).Assembly)]);
        var chinese = CultureInfo.GetCultureInfo(UiCultures.Chinese);
        var wrongType = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync(Encoding.UTF8.GetBytes(Header), "list.txt"));

        Assert.Equal("list.txt：不能导入“.TXT”文件，请使用 .csv（UTF-8）或 .xlsx。", wrongType.Describe(text, chinese).Values.Single().Single());
        Assert.Equal("big.csv 超过导入上限 20 MB，请拆分为多个文件。", UploadedFiles.TooLarge("big.csv").Describe(text, chinese).Values.Single().Single());
        Assert.Equal("big.csv is larger than the import limit of 20 MB; split it into several files.", UploadedFiles.TooLarge("big.csv").Describe(text, CultureInfo.GetCultureInfo(UiCultures.English)).Values.Single().Single());
    }

    [Fact]
    public async Task Bug_15_a_gbk_file_is_converted_to_utf8_and_the_import_says_so()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Header + "algorithm_product,t,1,佛山智造公司,陶瓷缺陷检测,Ceramic check\n");

        var file = await ReadAsync(gbk, "gbk.csv");

        Assert.Equal("佛山智造公司", file.Rows[0]["owner_name_zh"]);
        Assert.Equal("upload.gbk-converted", Assert.Single(file.Notes).Key);
    }

    [Fact]
    public async Task Bug_15_text_that_is_neither_utf8_nor_gbk_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "algorithm_product,t,1,Café é,x,y\n");

        Assert.Contains("not UTF-8", await RefusalAsync(latin1, "latin1.csv"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type,title_zh,title_zh\n")]
    [InlineData("type,title_zh, title_zh \n")]
    public async Task Bug_15_a_header_naming_a_column_twice_even_after_trimming_is_refused_naming_it(string header)
    {
        var message = await RefusalAsync(Encoding.UTF8.GetBytes(header + "algorithm_product,a,b\n"), "twice.csv");

        Assert.Contains("title_zh", message, StringComparison.Ordinal);
        Assert.Contains("more than once", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_15_an_unclosed_quote_is_refused_naming_its_line()
    {
        var message = await RefusalAsync(Encoding.UTF8.GetBytes(Header + "algorithm_product,t,1,\"公司,标题,title\n"), "quote.csv");

        Assert.Contains(":2:", message, StringComparison.Ordinal);
        Assert.Contains("never closed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_15_an_xlsx_that_is_not_a_zip_archive_is_refused_not_a_server_error()
    {
        Assert.Contains("not an .xlsx", await RefusalAsync(Encoding.UTF8.GetBytes(Header), "fake.xlsx"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_15_an_xlsx_bomb_is_refused_before_it_is_read()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var part = await archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).OpenAsync(TestContext.Current.CancellationToken);
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= UploadedFiles.MaxXlsxUnpackedBytes / zeros.Length; i++)
            {
                await part.WriteAsync(zeros, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(zip.Length < 1024 * 1024, "the bomb is small packed");
        Assert.Contains($"more than {UploadedFiles.MaxXlsxUnpackedBytes / (1024 * 1024)} MB", await RefusalAsync(zip.ToArray(), "bomb.xlsx"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_15_an_upload_over_the_size_limit_is_refused_naming_the_limit()
    {
        var big = new byte[UploadedFiles.MaxBytes + 1];

        Assert.Contains($"{UploadedFiles.MaxBytes / (1024 * 1024)} MB", await RefusalAsync(big, "big.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_15_attribute_keys_that_are_the_same_after_trimming_are_refused_naming_the_key()
    {
        var input = new ListingInput("algorithm_product", "标题", "Title", null, null, null, null, null,
            new Dictionary<string, string> { ["role"] = "a", [" role "] = "b" });

        var refused = Assert.Throws<InvalidInputException>(() => input.ToContent());

        Assert.Contains("attributes.role", refused.Errors.Keys);
    }

    [Fact]
    public void Bug_15_an_oversized_listing_is_refused_naming_the_field_and_limit()
    {
        var content = new ListingContent { TitleZh = "标题", SummaryZh = new string('长', ListingFields.MaxSummary + 1) };

        var problem = Assert.Single(ListingFields.Validate(ListingType.AlgorithmProduct, content));

        Assert.Equal(("summaryZh", "catalog.problem.summary-length"), (problem.Field, problem.Description.Key));
        Assert.Equal(new object?[] { ListingFields.MaxSummary, ListingFields.MaxSummary + 1 }, problem.Description.Arguments);
    }
}
