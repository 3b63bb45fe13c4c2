using Funeng.Compute.Data;
using Funeng.Compute.Requests;

namespace Funeng.Compute.Tests.Requests;

public sealed class RequestLifecycleTests
{
    [Theory]
    [InlineData(RequestState.Submitted, RequestState.Placed, true)]
    [InlineData(RequestState.Placed, RequestState.Running, true)]
    [InlineData(RequestState.Running, RequestState.Finished, true)]
    [InlineData(RequestState.Running, RequestState.Submitted, true)]  // its centre went down: back to the queue
    [InlineData(RequestState.Placed, RequestState.Cancelled, true)]
    [InlineData(RequestState.Submitted, RequestState.Running, false)]
    [InlineData(RequestState.Finished, RequestState.Running, false)]
    [InlineData(RequestState.Cancelled, RequestState.Placed, false)]
    [InlineData(RequestState.Failed, RequestState.Submitted, false)]
    internal void Allows_only_the_moves_in_the_transition_table(RequestState from, RequestState to, bool allowed) =>
        Assert.Equal(allowed, RequestLifecycle.CanMove(from, to));
}
