using System.Diagnostics;
using System.Globalization;

namespace Emiss.Cli.Batch;

/// <summary>
/// Runs a job-array script (<see cref="ArrayScript"/>) on this machine: task i is <c>bash SCRIPT</c> with
/// <c>SLURM_ARRAY_TASK_ID=i</c>, its output and errors in the task's log, at most K tasks at a time, in index order.
/// </summary>
internal static class LocalArrayRunner
{
    /// <summary>Runs tasks 0 … N−1 and returns each task's exit code, by index; <paramref name="finished"/> hears of each (index, exit code, wall time).</summary>
    public static int[] Run(ShardedCommand job, string scriptPath, int parallelJobs, Action<int, int, TimeSpan> finished)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(finished);
        var codes = new int[job.Shards];
        Parallel.For(0, job.Shards, new ParallelOptions { MaxDegreeOfParallelism = parallelJobs }, i =>
        {
            // bash redirects the task's output into its log, as sbatch --output does for an array task.
            var psi = new ProcessStartInfo("bash") { UseShellExecute = false };
            foreach (string a in (string[])["-c", "exec bash \"$0\" >\"$1\" 2>&1", scriptPath, job.LogOf(i)]) psi.ArgumentList.Add(a);
            psi.Environment[ArrayScript.TaskIdVariable] = i.ToString(CultureInfo.InvariantCulture);
            psi.Environment["NO_COLOR"] = "1";
            long t0 = Stopwatch.GetTimestamp();
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("bash did not start");
            p.WaitForExit();
            codes[i] = p.ExitCode;
            finished(i, p.ExitCode, Stopwatch.GetElapsedTime(t0));
        });
        return codes;
    }
}
