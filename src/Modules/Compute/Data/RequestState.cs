namespace Funeng.Compute.Data;

/// <summary>Where a compute request is in its life.</summary>
internal enum RequestState
{
    Submitted,
    Placed,
    Running,
    Finished,
    Failed,
    Cancelled,
}
