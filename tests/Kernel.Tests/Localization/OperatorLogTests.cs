using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.Extensions.Logging;

namespace Funeng.Kernel.Tests.Localization;

/// <summary>The platform's log lines are strings.json messages, worded in the operator's language, named by their key.</summary>
public sealed class OperatorLogTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly)]);

    [Fact]
    public void A_log_line_is_worded_in_the_operators_language_and_named_by_its_key()
    {
        var lines = new RecordingLogger();
        var failure = new InvalidOperationException("refused");

        new OperatorLog<OperatorLogTests>(lines, Text, OperatorLanguage.Default).Warning(ProblemMessage.Of("problem.too-many-requests.retry", 30), failure);
        new OperatorLog<OperatorLogTests>(lines, Text, new OperatorLanguage(CultureInfo.GetCultureInfo(UiCultures.English))).Warning(ProblemMessage.Of("problem.too-many-requests.retry", 1));

        Assert.Equal(
            [
                (LogLevel.Warning, "problem.too-many-requests.retry", "来自此地址的请求过于频繁，请 30 秒后再试。", (Exception?)failure),
                (LogLevel.Warning, "problem.too-many-requests.retry", "Too many requests from this address; try again in 1 second.", null),
            ],
            lines.Written);
    }

    [Fact]
    public void A_line_below_the_loggers_level_is_not_worded()
    {
        var lines = new RecordingLogger { Least = LogLevel.Information };
        var log = new OperatorLog<OperatorLogTests>(lines, Text, OperatorLanguage.Default);

        log.Debug(ProblemMessage.Of("no.such.key"));
        log.Information(ProblemMessage.Of("problem.unexpected"));

        Assert.Equal("服务器出现意外错误，请稍后再试。", Assert.Single(lines.Written).Text);
        Assert.False(log.IsEnabled(LogLevel.Debug));
    }

    private sealed class RecordingLogger : ILogger<OperatorLogTests>
    {
        public LogLevel Least { get; init; } = LogLevel.Trace;

        public List<(LogLevel Level, string? Event, string Text, Exception? Exception)> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= Least;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add((logLevel, eventId.Name, formatter(state, exception), exception));
    }
}
