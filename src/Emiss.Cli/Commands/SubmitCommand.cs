using System.CommandLine;
using System.Globalization;
using Emiss.Cli.Batch;
using Emiss.Core.IO;
using Emiss.Core.Sharding;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss submit (--local | --slurm) --shards N … -- COMMAND…</c>: runs a Monte Carlo command as N shards through one
/// job-array script (<see cref="ArrayScript"/>), written with the resolved card into <c>OUT/job/</c>: <c>--local</c> runs
/// its tasks here, K at a time; <c>--slurm</c> submits it with sbatch (Slurm queues and retries; Emiss shards and
/// merges). Rerunning skips the shards that are complete. <c>emiss merge OUT</c> combines them.
/// </summary>
internal static class SubmitCommand
{
    private const string ScriptName = "array.sh";

    public static Command Create()
    {
        var local = new Option<bool>("--local") { Description = "Run the shards as local processes" };
        var slurm = new Option<bool>("--slurm") { Description = "Submit the shards as a Slurm job array (sbatch)" };
        var shards = NumericOption.SmallCount("--shards", "Number of shards N", 4, 1, ShardSpec.MaxCount);
        var jobs = NumericOption.SmallCount("--jobs", "--local: shards running at once", 1, 1, 1024);
        var partition = new Option<string?>("--partition") { Description = "--slurm: partition" };
        var time = new Option<string?>("--time") { Description = "--slurm: wall-time limit per shard (Slurm syntax, e.g. 01:00:00)" };
        var mem = new Option<string?>("--mem") { Description = "--slurm: memory per shard (Slurm syntax, e.g. 4G)" };
        var cpus = new Option<int?>("--cpus") { Description = "--slurm: CPUs per shard (also the command's --threads unless it sets them)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "--slurm: print the job script, write and submit nothing" };
        var command = new Argument<string[]>("COMMAND") { Description = "The Monte Carlo command after --, e.g. -- simulate --events 1000000 --out runs/sim", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("submit", "Run a Monte Carlo command as N shards, locally or as a Slurm job array; then `emiss merge OUT`.")
            { local, slurm, shards, jobs, partition, time, mem, cpus, dryRun, command };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            bool isLocal = pr.GetValue(local), isSlurm = pr.GetValue(slurm);
            UserInput.Require(isLocal != isSlurm, "--local/--slurm", "give exactly one of them", "--local runs the shards here, --slurm submits a job array");
            int? c = pr.GetValue(cpus);
            UserInput.Require(c is null or >= 1, "--cpus", $"must be ≥ 1 (got {c})", "e.g. --cpus 4");
            string[] words = pr.GetValue(command)!;
            if (c is { } nc && !words.Any(w => w is "--threads" or "-t" || w.StartsWith("--threads=", StringComparison.Ordinal)))
                words = [.. words, "--threads", nc.ToString(CultureInfo.InvariantCulture)];
            ShardedCommand job = ShardedCommand.Resolve(words, pr.GetValue(shards));
            var resources = new SlurmResources(pr.GetValue(partition), pr.GetValue(time), pr.GetValue(mem), c);
            if (pr.GetValue(dryRun))
            {
                Console.Out.Write(ArrayScript.Build(job, resources, JobPaths(job).Card));
                return 0;
            }
            string scriptPath = WriteJob(job, resources);
            return isLocal ? RunLocal(job, scriptPath, pr.GetValue(jobs)) : SubmitSlurm(job, scriptPath);
        }));
        return cmd;
    }

    /// <summary>Where the resolved card and the job script of <paramref name="job"/> go: OUT/job/.</summary>
    private static (string Card, string Script) JobPaths(ShardedCommand job) =>
        (Path.Combine(job.OutRoot, "job", job.Card.Name), Path.Combine(job.OutRoot, "job", ScriptName));

    /// <summary>Writes the resolved card and the job script into OUT/job/, creates the log directory and returns the script's path.</summary>
    public static string WriteJob(ShardedCommand job, SlurmResources resources)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (card, script) = JobPaths(job);
        AtomicFile.WriteText(card, job.Card.Text);
        AtomicFile.WriteText(script, ArrayScript.Build(job, resources, card));
        Directory.CreateDirectory(job.LogDirectory);   // sbatch --output does not create directories: a task fails to launch without it
        return script;
    }

    private static int RunLocal(ShardedCommand job, string scriptPath, int parallel)
    {
        var gate = new Lock();
        int[] codes = LocalArrayRunner.Run(job, scriptPath, parallel, (i, code, _) =>
        {
            string last = File.ReadLines(job.LogOf(i)).LastOrDefault(l => l.Length > 0) ?? "";
            lock (gate) Console.Out.WriteLine($"shard {new ShardSpec(i, job.Shards)}: exit {code}: {last}");
        });
        int[] failed = [.. Enumerable.Range(0, codes.Length).Where(i => codes[i] != 0)];
        foreach (int i in failed)
            Console.Error.WriteLine($"emiss: error: {new ShardSpec(i, job.Shards).DirectoryName}: exited with {codes[i]}; see {job.LogOf(i)} and rerun the same submit command (complete shards are skipped)");
        if (failed.Length > 0) return 1;
        Console.Out.WriteLine($"{job.Shards} shards complete in {job.OutRoot}; combine them with: {job.FinishCommand}");
        return 0;
    }

    private static int SubmitSlurm(ShardedCommand job, string scriptPath)
    {
        string id = SlurmSubmitter.Submit(scriptPath);
        Console.Out.WriteLine($"submitted array job {id} ({job.Shards} tasks): {scriptPath}");
        Console.Out.WriteLine($"follow it:  squeue -j {id}    sacct -j {id} --format=JobID,State,ExitCode,Elapsed,MaxRSS");
        Console.Out.WriteLine($"logs:       {Path.Combine(job.LogDirectory, "shard-NNNN.log")}");
        Console.Out.WriteLine($"when done:  {job.FinishCommand}   (failed tasks: resubmit; complete shards are skipped)");
        return 0;
    }
}
