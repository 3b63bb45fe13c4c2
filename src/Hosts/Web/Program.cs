using Funeng.Catalog;
using Funeng.Compute;
using Funeng.Incentives;
using Funeng.Index;
using Funeng.Kernel;
using Funeng.Platform;
using Funeng.Policy;
using Funeng.Scenarios;
using Funeng.Web.Shell;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunengKernel().AddWebShell();
builder.AddPlatform().AddPolicy().AddScenarios().AddCatalog().AddIncentives().AddCompute().AddIndex();

var app = builder.Build();
app.UseWebShell();
app.MapPlatform().MapPolicy().MapScenarios().MapCatalog().MapIncentives().MapCompute().MapIndex();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
