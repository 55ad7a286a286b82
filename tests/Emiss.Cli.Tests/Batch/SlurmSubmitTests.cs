using System.Text.RegularExpressions;
using Emiss.Cli.Tests.Sharding;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests.Batch;

/// <summary>
/// <c>emiss submit --slurm</c> against a real single-node Slurm (slurmctld, slurmd, munged started by the test): a 4-task
/// job array of a small simulate run, merged, equals the single-process run byte for byte in its row data.
/// </summary>
public sealed partial class SlurmSubmitTests(ITestOutputHelper log)
{
    [GeneratedRegex(@"^submitted array job (\d+) \(4 tasks\)", RegexOptions.Multiline)]
    private static partial Regex Submitted();

    [SlurmFact]
    public void A_four_task_job_array_merges_to_the_single_run()
    {
        if (SlurmCluster.Unavailable() is { } why) Assert.Fail($"no Slurm cluster can run here: {why}; or set {SlurmCluster.SkipVariable}=1 to skip this test explicitly");
        using SlurmCluster cluster = SlurmCluster.Start();
        string work = TestScratch.NewDirectory("slurm-run");
        try
        {
            var (code, stdout, stderr) = EmissProcess.RunIn(work, cluster.Environment,
                ["submit", "--slurm", "--shards", "4", "--time", "00:10:00", "--cpus", "1", "--", .. ShardedRuns.Simulate, "--out", "run"]);
            log.WriteLine(stdout + stderr);
            Assert.True(code == 0, stderr + stdout + cluster.Logs());
            Match m = Submitted().Match(stdout);
            Assert.True(m.Success, stdout);
            string job = m.Groups[1].Value;
            cluster.WaitFor(() => cluster.Run("squeue", "-h", "-j", job).Stdout.Trim().Length == 0, TimeSpan.FromMinutes(5), $"job array {job} to finish (squeue)");
            string states = cluster.Run("scontrol", "-o", "show", "job", job).Stdout;
            log.WriteLine(states);
            Assert.True(Regex.Count(states, @"JobState=COMPLETED") == 4, $"expected 4 completed tasks:\n{states}\n{cluster.Logs()}");
            for (int i = 0; i < 4; i++)
            {
                string taskLog = File.ReadAllText(Path.Combine(work, "run", "logs", $"shard-{i:D4}.log"));
                Assert.Contains($"shard {i}/4: events", taskLog, StringComparison.Ordinal);
            }
            var (merge, mergeOut, mergeErr) = EmissProcess.RunIn(work, new Dictionary<string, string>(), "merge", "run");
            Assert.True(merge == 0, mergeErr + mergeOut);
            ShardedRuns.AssertSameAsSingleRun(Path.Combine(work, "run", "events.parquet"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
