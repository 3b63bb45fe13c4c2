using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Funeng.TestSupport;

/// <summary>
/// Hands every event EF Core raises (commands, saves), in every module's context, to a handler until disposed: what
/// a test sees of how a use case talks to the database. Test classes run in parallel in one process, so the
/// handler picks out its own test's events (by a marked request, a link no other test writes).
/// </summary>
public sealed class EfCoreEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Action<string, object?> _onEvent;
    private readonly List<IDisposable> _subscriptions = [];

    /// <param name="onEvent">The event's name (an EF Core event id's name) and its payload; called on the thread that raised it.</param>
    public EfCoreEvents(Action<string, object?> onEvent)
    {
        _onEvent = onEvent;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value) => _onEvent(value.Key, value.Value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
