using System.Text;
using Funeng.Index.Demo;
using Funeng.Index.Observations;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;

namespace Funeng.Index.Tests.Observations;

public sealed class ObservationFileTests
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Reads_rows_and_maps_Chinese_city_names_to_scopes()
    {
        var rows = (await ObservationFile.ReadAsync(Csv("indicator,scope,year,value,source,status\nalgorithm_filings,广州,2025,477,CAC,\ngenai_filings,city:foshan,2025,3,CAC,draft\n"), "x.csv", TestContext.Current.CancellationToken)).Rows;

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal("city:guangzhou", rows[0].Observation.Scope);
        Assert.True(rows[0].Observation.Publish);
        Assert.False(rows[1].Observation.Publish);
    }

    [Fact]
    public async Task Every_unreadable_cell_is_named_by_row_and_column()
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => ObservationFile.ReadAsync(
            Csv("indicator,scope,year,value,source\nalgorithm_filings,广州,2025,477,CAC\nalgorithm_filings,深圳,twenty,12,CAC\ngenai_filings,深圳,2025,1.2.3,CAC\n"), "x.csv", TestContext.Current.CancellationToken));

        Assert.Equal([(3, "year"), (4, "value")], ObservationError.Among(refused).Select(e => (e.Row!.Value, e.Column)));
    }

    [Fact]
    public async Task A_missing_column_is_named_in_the_header_row()
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => ObservationFile.ReadAsync(Csv("indicator,scope,year,source\nx,province,2025,s\n"), "x.csv", TestContext.Current.CancellationToken));

        Assert.Equal((1, "value"), (ObservationError.Among(refused).Single().Row!.Value, ObservationError.Among(refused).Single().Column));
    }

    [Theory]
    [InlineData("indicator,scope,year,value,source,Year\n", "year")]
    [InlineData("indicator,scope,year,value,source, source \n", "source")]
    public async Task Bug_15_a_header_naming_a_column_twice_is_refused_naming_it(string header, string column)
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => ObservationFile.ReadAsync(
            Csv(header + "algorithm_filings,广州,2025,477,CAC,x\n"), "x.csv", TestContext.Current.CancellationToken));

        var problem = Assert.Single(ObservationError.Among(refused));
        Assert.Equal((1, column), (problem.Row, problem.Column));
    }

    [Fact]
    public async Task Bug_15_an_unclosed_quote_is_refused_naming_its_row_not_a_server_error()
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => ObservationFile.ReadAsync(
            Csv("indicator,scope,year,value,source\nalgorithm_filings,广州,2025,477,CAC\nalgorithm_filings,深圳,2025,\"12,CAC\n"), "x.csv", TestContext.Current.CancellationToken));

        var problem = Assert.Single(ObservationError.Among(refused));
        Assert.Equal(3, problem.Row);
        Assert.Equal("upload.quote-unclosed", problem.Problem.Key);
    }

    [Fact]
    public async Task Bug_15_a_gbk_file_is_converted_and_the_reader_says_so()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("indicator,scope,year,value,source\nalgorithm_filings,佛山市,2025,3,网信办\n");

        var file = await ObservationFile.ReadAsync(new MemoryStream(gbk), "gbk.csv", TestContext.Current.CancellationToken);

        Assert.Equal("city:foshan", Assert.Single(file.Rows).Observation.Scope);
        Assert.Equal("网信办", file.Rows[0].Observation.Source);
        var note = Assert.Single(file.Notes);
        Assert.Equal("upload.gbk-converted", note.Key);
        Assert.Equal("gbk.csv", note.Arguments[0]);
    }

    [Fact]
    public async Task Bug_15_text_that_is_neither_utf8_nor_gbk_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes("indicator,scope,year,value,source\nalgorithm_filings,province,2025,3,Café é\n");

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => ObservationFile.ReadAsync(new MemoryStream(latin1), "latin1.csv", TestContext.Current.CancellationToken));

        Assert.Equal("upload.not-utf8", Assert.Single(ObservationError.Among(refused)).Problem.Key);
    }

    [Fact]
    public void The_real_series_cover_all_21_cities_in_every_year()
    {
        var rows = RealSeries.All();

        foreach (var series in rows.GroupBy(r => (r.Indicator, r.Year)))
        {
            Assert.Equal(GuangdongCities.All.Count, series.Select(r => r.Scope).Distinct().Count());
        }

        Assert.Equal(1179, rows.Single(r => r.Indicator == "algorithm_filings" && r.Year == 2026 && r.Scope == "city:guangzhou").Value);
        Assert.All(rows, r => Assert.DoesNotContain('"', r.Source));
    }
}
