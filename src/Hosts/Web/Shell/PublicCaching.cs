using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Funeng.Web.Shell;

/// <summary>How long an anonymous page or GET answer may be served from the cache (section <c>PublicCache</c>).</summary>
internal sealed class PublicCacheOptions
{
    /// <summary>
    /// The longest a cached answer lives. A change made through this web host evicts every cached answer at once;
    /// this bound is for changes another process commits (a CLI import, a second web host), which this host
    /// cannot see happen.
    /// </summary>
    public int Seconds { get; set; } = 30;

    /// <summary>False turns the cache off (every answer is rendered anew), e.g. to measure the bare pipeline.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// What a launch-day crowd reads is the same few public pages: they are rendered once per language and change,
/// then served from memory. Signed-in users and anything that sets a cookie (a form's antiforgery token) are never
/// cached, so one user's page never reaches another. Any successful change through this host evicts the lot:
/// writes are rare next to reads, and a coarse eviction cannot miss a page that shows what changed.
/// </summary>
internal static class PublicCaching
{
    public const string Tag = PublicCache.Tag;

    public static IServiceCollection AddPublicCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicCacheOptions>().Bind(configuration.GetSection("PublicCache"))
            .Validate(o => o.Seconds is > 0 and <= 3600, "PublicCache:Seconds must be between 1 and 3600.").ValidateOnStart();
        services.AddOutputCache();
        services.AddSingleton<IConfigureOptions<OutputCacheOptions>, ConfigurePublicCache>();
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Cache, then compression (so a cached answer is stored compressed once per encoding), then ETags.</summary>
    public static WebApplication UsePublicCaching(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseResponseCompression();
        app.Use(EvictAfterChangeAsync);
        app.Use(TagForRevalidationAsync);
        return app;
    }

    /// <summary>Fingerprinted static files (<c>?v=</c> from <c>asp-append-version</c>) never change: a year's lifetime.</summary>
    public static StaticFileOptions StaticFiles() => new()
    {
        OnPrepareResponse = file =>
        {
            var headers = file.Context.Response.Headers;
            headers.CacheControl = file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        },
    };

    private static bool IsCacheable(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
        && !context.Request.Path.StartsWithSegments("/health")
        && !context.Request.Path.StartsWithSegments("/culture")
        && !context.Request.Path.StartsWithSegments("/account");

    private static async Task EvictAfterChangeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.Response.StatusCode < 400)
        {
            await PublicCache.EvictAsync(context.RequestServices, CancellationToken.None);
        }
    }

    /// <summary>
    /// An anonymous GET gets a strong ETag over its body and <c>no-cache</c>: browsers and proxies keep the page but
    /// ask each time, and an unchanged page costs a 304 (the output cache answers If-None-Match itself).
    /// </summary>
    private static async Task TagForRevalidationAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsCacheable(context))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag) && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            var etag = "W/\"" + Convert.ToHexString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 12).ToLowerInvariant() + "\"";
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "no-cache";
            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private sealed class ConfigurePublicCache(IOptions<PublicCacheOptions> options) : IConfigureOptions<OutputCacheOptions>
    {
        public void Configure(OutputCacheOptions cache)
        {
            var settings = options.Value;
            cache.AddBasePolicy(policy => policy
                .With(c => settings.Enabled && IsCacheable(c.HttpContext))
                .Expire(TimeSpan.FromSeconds(settings.Seconds))
                .Tag(Tag)
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                // The language comes from the culture cookie or ?culture=; the query is in the key already.
                .VaryByValue(_ => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.Name)));
        }
    }
}
