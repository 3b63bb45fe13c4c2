using System.Diagnostics;
using System.Runtime.CompilerServices;
using Funeng.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// The app on real Kestrel (a free localhost port) over a fresh SQLite file, and Debian's Chromium driven by
/// Playwright. One per test class.
/// </summary>
public class BrowserApp : SqliteApp
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh browser context (no cookies) with a page on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in as <paramref name="user"/> through the login form.</summary>
    public async Task<IPage> SignInAsync(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var page = await NewPageAsync();
        await SignInAsync(page, user.Email, user.Password);
        return page;
    }

    /// <summary>Signs in on <paramref name="page"/> through the login form and waits until it has left it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
        await ArriveAsync(page, at => at.AbsolutePath != "/account/login");
    }

    /// <summary>Waits until <paramref name="page"/> shows <paramref name="path"/> (no more, no less) and it has loaded.</summary>
    public static Task ArriveAsync(IPage page, string path) => ArriveAsync(page, at => at.AbsolutePath == path, path);

    /// <summary>
    /// Waits until <paramref name="page"/> is at an address <paramref name="arrived"/> accepts and that document has
    /// loaded. Not Playwright's <c>WaitForURLAsync</c>: it reads the frame's address or load states and then subscribes
    /// to the events that change them, and an event delivered between the two is lost, so on a busy machine a page that
    /// had already loaded was waited for until the timeout (microsoft/playwright-dotnet#3364). Here the address is
    /// polled and the page itself is asked whether it has loaded. Predicates see the parsed address, so that a sign-in
    /// page's <c>?returnUrl=/compute</c> does not pass for /compute.
    /// </summary>
    public static async Task ArriveAsync(IPage page, Func<Uri, bool> arrived, [CallerArgumentExpression(nameof(arrived))] string expected = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(arrived);
        var waiting = Stopwatch.StartNew();
        while (!arrived(new Uri(page.Url)))
        {
            if (waiting.Elapsed > Patience)
            {
                throw new TimeoutException($"After {Patience.TotalSeconds:0} s the page is at {page.Url}, not where {expected}. It says: {await MainTextAsync(page)}");
            }

            await Task.Delay(50);
        }

        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    // As long as Playwright's own waits (30 s): long enough for a busy two-core machine, short enough to fail a stuck run.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // What the page says (an error message, usually), for a failure to quote.
    private static async Task<string> MainTextAsync(IPage page)
    {
        try
        {
            return (await page.InnerTextAsync("main", new PageInnerTextOptions { Timeout = 2000 })).ReplaceLineEndings(" ");
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            return "(no main element)";
        }
    }

    /// <summary>Saves a screenshot under artifacts/screenshots for a person to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
