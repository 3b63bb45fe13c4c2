using System.Text;
using Funeng.Index.Demo;
using Funeng.Index.Observations;
using Funeng.Kernel.Geography;

namespace Funeng.Index.Tests.Observations;

public sealed class ObservationFileTests
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Reads_rows_and_maps_Chinese_city_names_to_scopes()
    {
        var rows = ObservationFile.Read(Csv("indicator,scope,year,value,source,status\nalgorithm_filings,广州,2025,477,CAC,\ngenai_filings,city:foshan,2025,3,CAC,draft\n"), "x.csv");

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal("city:guangzhou", rows[0].Observation.Scope);
        Assert.True(rows[0].Observation.Publish);
        Assert.False(rows[1].Observation.Publish);
    }

    [Fact]
    public void Every_unreadable_cell_is_named_by_row_and_column()
    {
        var refused = Assert.Throws<Funeng.Kernel.Web.InvalidInputException>(() => ObservationFile.Read(
            Csv("indicator,scope,year,value,source\nalgorithm_filings,广州,2025,477,CAC\nalgorithm_filings,深圳,twenty,12,CAC\ngenai_filings,深圳,2025,1.2.3,CAC\n"), "x.csv"));

        Assert.Equal([(3, "year"), (4, "value")], ObservationError.Among(refused).Select(e => (e.Row!.Value, e.Column)));
    }

    [Fact]
    public void A_missing_column_is_named_in_the_header_row()
    {
        var refused = Assert.Throws<Funeng.Kernel.Web.InvalidInputException>(() => ObservationFile.Read(Csv("indicator,scope,year,source\nx,province,2025,s\n"), "x.csv"));

        Assert.Equal((1, "value"), (ObservationError.Among(refused).Single().Row!.Value, ObservationError.Among(refused).Single().Column));
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
