using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Funeng.TestSupport.Fakes;

/// <summary>One call a fake received: the contract method and its arguments.</summary>
public sealed record FakeCall(string Method, IReadOnlyList<object?> Arguments);

/// <summary>
/// The calls a fake of another module's contract received, in order, so a test can say what the module under test
/// asked of its neighbour. Safe across the requests a host serves at once.
/// </summary>
public sealed class FakeCalls
{
    private readonly ConcurrentQueue<FakeCall> _calls = new();

    public IReadOnlyList<FakeCall> All => [.. _calls];

    public IReadOnlyList<FakeCall> Of(string method) => [.. _calls.Where(c => c.Method == method)];

    public void Record(object?[] arguments, [CallerMemberName] string method = "") => _calls.Enqueue(new FakeCall(method, arguments));
}
