using System.Text;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Import;
using Funeng.Kernel.DataFiles;

namespace Funeng.Catalog.Tests.Import;

public sealed class ImportFormatsTests
{
    private static TabularFile Csv(string text) => TabularFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "file.csv");

    [Fact]
    public void Bug_15_a_file_with_a_header_and_no_rows_is_refused_not_imported_as_nothing()
    {
        var batch = ImportFormats.Parse(Csv("type,source,source_id,owner_name_zh,title_zh,title_en\n"));

        Assert.Equal(("file", 1), (Assert.Single(batch.Errors).Column, batch.Errors[0].Row));
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_keep_their_file_line()
    {
        var file = Csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
        Assert.Equal(["x, y", "two\nlines"], file.Rows.Select(r => r["a"]));
        Assert.Equal("say \"hi\"", file.Rows[0]["b"]);
        Assert.Equal([2, 3], file.Rows.Select(r => r.Number));
    }

    [Fact]
    public void The_real_Guangdong_algorithm_filings_become_published_algorithm_products_with_their_companies()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData", "cac-algorithm-filings", "filings_guangdong.csv");
        var batch = ImportFormats.Parse(TabularFile.Read(File.OpenRead(path), path));
        Assert.Empty(batch.Errors);
        Assert.Equal(ImportFormats.CacAlgorithms, batch.Format);
        Assert.Equal(1252, batch.Listings.Count); // 1,253 rows, one filing listed twice
        Assert.All(batch.Listings, l => Assert.Equal(ListingType.AlgorithmProduct, l.Type));
        var yy = batch.Listings.Single(l => l.SourceId == "网信算备440113506498202220015号");
        Assert.Equal("YY直播平台主播推荐算法", yy.Content.TitleZh);
        Assert.Equal("guangzhou", yy.Content.CitySlug);
        Assert.Contains("culture", yy.Content.Sectors);
        Assert.Equal("广州津虹网络传媒有限公司", yy.Owner.NameZh);
        Assert.Contains("Personalised recommendation", yy.Content.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_row_in_Funeng_format_is_named_by_row_and_column()
    {
        var batch = ImportFormats.Parse(Csv(
            "type,source_id,owner_name_zh,owner_credit_code,title_zh,city,publisher,licence,access_level\n" +
            "dataset,d1,某公司,91440300708461136T,数据集一,shenzhen,某公司,CC-BY-4.0,open\n" +
            "dataset,d2,某公司,91440300708461136A,数据集二,mars,某公司,CC-BY-4.0,secret\n"));
        Assert.Equal(
            ["row 3, column access_level", "row 3, column city", "row 3, column owner_credit_code"],
            batch.Errors.Select(e => $"row {e.Row}, column {e.Column}").Order());
    }
}
