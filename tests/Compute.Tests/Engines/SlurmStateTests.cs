using Funeng.Compute.Engines;

namespace Funeng.Compute.Tests.Engines;

public sealed class SlurmStateTests
{
    [Theory]
    [InlineData("PENDING", "Pending")]
    [InlineData("RUNNING", "Running")]
    [InlineData("COMPLETING", "Running")]
    [InlineData("COMPLETED", "Finished")]
    [InlineData("CANCELLED", "Cancelled")]
    [InlineData("TIMEOUT", "Failed")]
    [InlineData("NODE_FAIL", "Failed")]
    [InlineData("SOMETHING_NEW", "Unknown")]
    public void Reads_slurm_job_states_as_the_module_states(string slurm, string expected) =>
        Assert.Equal(expected, SlurmEngine.FromSlurm(slurm).ToString());
}
