using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Web;

/// <summary>
/// The web host caches anonymous answers under one tag (Web/Shell/PublicCaching.cs) and evicts it after every change
/// it makes itself. A module that learns of a change another process committed (the catalog's catch-up after a CLI
/// import) evicts it here, so a cached page never outlives what it shows by more than that module's catch-up round.
/// </summary>
public static class PublicCache
{
    public const string Tag = "public";

    /// <summary>Evicts every cached public answer; does nothing where no cache is registered (the CLI).</summary>
    public static async Task EvictAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<IOutputCacheStore>() is { } store)
        {
            await store.EvictByTagAsync(Tag, cancellationToken);
            // A request that read the old data just before this and finishes just after stores an answer from before
            // the change; a second eviction a moment later removes what such requests stored.
            _ = Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)
                .ContinueWith(_ => store.EvictByTagAsync(Tag, CancellationToken.None).AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
                .Unwrap();
        }
    }
}
