using System.Globalization;
using Funeng.Kernel.Web;
using Microsoft.Extensions.Logging;

namespace Funeng.Kernel.Localization;

/// <summary>
/// The language of what a host tells its operator on the console and in its log: the web host's is the platform's
/// default language, whatever <c>LANG</c> says (its start-up steps are in it too); the command line's is the one it
/// speaks (decision 0015), registered by the CLI host.
/// </summary>
public sealed record OperatorLanguage(CultureInfo Culture)
{
    public static OperatorLanguage Default { get; } = new(CultureInfo.GetCultureInfo(UiCultures.Chinese));
}

/// <summary>
/// A log line the platform writes for its operator ("the search index is catching up on 1,771 listings", "a saved
/// search could not be run"): a <c>strings.json</c> message, worded in <see cref="OperatorLanguage"/> like every other
/// line the operator reads, with its key as the event's name for those who filter logs by machine.
/// </summary>
public sealed class OperatorLog<T>(ILogger<T> logger, UiText text, OperatorLanguage language)
{
    public bool IsEnabled(LogLevel level) => logger.IsEnabled(level);

    public void Information(ProblemMessage message) => Write(LogLevel.Information, message, null);

    public void Warning(ProblemMessage message, Exception? exception = null) => Write(LogLevel.Warning, message, exception);

    public void Debug(ProblemMessage message) => Write(LogLevel.Debug, message, null);

    private void Write(LogLevel level, ProblemMessage message, Exception? exception)
    {
        if (logger.IsEnabled(level))
        {
#pragma warning disable CA1848, CA2254 // One template for every line: the wording comes from strings.json, in the operator's language.
            logger.Log(level, new EventId(0, message.Key), exception, "{Message}", message.In(text, language.Culture));
#pragma warning restore CA1848, CA2254
        }
    }
}
