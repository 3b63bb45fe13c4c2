using Funeng.Compute.Data;

namespace Funeng.Compute.Requests;

/// <summary>The only moves a request may make. Placed or running back to submitted is a re-placement (its centre went down).</summary>
internal static class RequestLifecycle
{
    private static readonly Dictionary<RequestState, RequestState[]> Allowed = new()
    {
        [RequestState.Submitted] = [RequestState.Placed, RequestState.Cancelled, RequestState.Failed],
        [RequestState.Placed] = [RequestState.Running, RequestState.Finished, RequestState.Failed, RequestState.Cancelled, RequestState.Submitted],
        [RequestState.Running] = [RequestState.Finished, RequestState.Failed, RequestState.Cancelled, RequestState.Submitted],
        [RequestState.Finished] = [],
        [RequestState.Failed] = [],
        [RequestState.Cancelled] = [],
    };

    public static bool CanMove(RequestState from, RequestState to) => Allowed[from].Contains(to);

    public static bool IsActive(RequestState state) => state is RequestState.Placed or RequestState.Running;

    public static bool IsOver(RequestState state) => state is RequestState.Finished or RequestState.Failed or RequestState.Cancelled;
}
