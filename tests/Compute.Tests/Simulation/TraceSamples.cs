namespace Funeng.Compute.Tests.Simulation;

/// <summary>Small trace files written in each public format, in a temp folder the test owns.</summary>
internal sealed class TraceSamples : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("funeng-traces-").FullName;

    /// <summary>Three Philly jobs: an 8-GPU job retried once, a 1-GPU job, and one with no attempts (skipped).</summary>
    public string Philly() => Write("cluster_job_log", """
        [
          {"status": "Pass", "vc": "ee9e8c", "jobid": "application_1_1", "user": "u1", "submitted_time": "2017-10-07 01:11:39",
           "attempts": [
             {"start_time": "2017-10-07 01:12:09", "end_time": "2017-10-07 01:13:23", "detail": [{"ip": "m47", "gpus": ["gpu0","gpu1","gpu2","gpu3","gpu4","gpu5","gpu6","gpu7"]}]},
             {"start_time": "2017-10-07 01:13:30", "end_time": "2017-10-07 03:13:23", "detail": [{"ip": "m412", "gpus": ["gpu0","gpu1","gpu2","gpu3","gpu4","gpu5","gpu6","gpu7"]}]}]},
          {"status": "Killed", "vc": "ee9e8c", "jobid": "application_1_2", "user": "u2", "submitted_time": "2017-10-07 01:20:00",
           "attempts": [{"start_time": "2017-10-07 01:20:05", "end_time": "2017-10-07 01:50:05", "detail": [{"ip": "m12", "gpus": ["gpu3"]}]}]},
          {"status": "Failed", "vc": "ab12cd", "jobid": "application_1_3", "user": "u3", "submitted_time": "2017-10-07 02:00:00", "attempts": []}
        ]
        """);

    /// <summary>
    /// Alibaba PAI v2020 task table (no header, as released) with a job table beside it: a 2-task job (1 PS
    /// without GPU, 2 workers at 50% each = 1 GPU), an 8-GPU job, and a CPU-only job (skipped).
    /// </summary>
    public string Alibaba()
    {
        Write("pai_job_table.csv", """
            j1,i1,userA,Terminated,1000.0,5000.0
            j2,i2,userB,Terminated,1500.0,9000.0
            j3,i3,userA,Terminated,1600.0,1700.0
            """);
        return Write("pai_task_table.csv", """
            j1,ps,1.0,Terminated,1100.0,4900.0,600.0,29.3,0.0,
            j1,worker,2.0,Terminated,1200.0,5000.0,400.0,20.0,50.0,T4
            j2,tensorflow,1.0,Terminated,1600.0,9000.0,800.0,60.0,800.0,V100
            j3,worker,1.0,Terminated,1600.0,1700.0,100.0,2.0,0.0,
            """);
    }

    /// <summary>
    /// An Alibaba v2023 pod list: an 8-GPU pod that waited 60 s, a GPU-sharing pod (460 milli → one device), a
    /// pending pod that never ran and a CPU-only pod (both skipped).
    /// </summary>
    public string AlibabaOpenb(params string[] extraRows) => Write("openb_pod_list_default.csv", string.Join('\n', [
        "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time",
        "openb-pod-0017,88000,327680,8,1000,,Burstable,Succeeded,9437497,10769854,9437557",
        "openb-pod-0018,6000,6144,1,460,,LS,Running,9476974,9480574,9476974",
        "openb-pod-0061,11908,47104,1,1000,,BE,Pending,10001278,10001403,",
        "openb-pod-0005,20000,65536,0,0,,LS,Running,2759674,12902960,2759676",
        .. extraRows]) + "\n");

    public string Csv(params string[] rows) => Write("trace.csv", "job_id,user,submit_seconds,duration_seconds,gpus\n" + string.Join('\n', rows));

    public string Centres(string json) => Write("centres.json", json);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
