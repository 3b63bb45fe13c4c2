using Funeng.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Funeng.Platform.Tests.Security;

/// <summary>Issue 15: HSTS in Production.</summary>
public sealed class ProductionHeadersTests(ProductionHeadersTests.App app) : IClassFixture<ProductionHeadersTests.App>
{
    /// <summary>The app as it runs in Production: the whole composition, as deployed (the module-only host runs in Testing).</summary>
    public sealed class App : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task Bug_15_production_answers_over_https_carry_hsts()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://funeng.example.gov.cn"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
