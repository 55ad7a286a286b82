using System.Globalization;
using System.Text;

namespace Emiss.Cli.Batch;

/// <summary>
/// The job-array script of a sharded run: a bash script with <c>#SBATCH</c> directives (array 0 … N−1, one log per
/// task) whose body runs shard <c>$SLURM_ARRAY_TASK_ID</c>. <c>emiss submit --slurm</c> hands it to <c>sbatch</c>;
/// <c>emiss submit --local</c> runs the same script once per shard with <c>SLURM_ARRAY_TASK_ID</c> set, so both go
/// through one code path. Slurm queues and retries the tasks; each task skips itself when its shard is already complete.
/// </summary>
internal static class ArrayScript
{
    /// <summary>Environment variable that carries the task (shard) index, as Slurm sets it for an array task.</summary>
    public const string TaskIdVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>The script text.</summary>
    /// <param name="job">The sharded command.</param>
    /// <param name="resources">Slurm resources (null entries are left to the site's defaults).</param>
    /// <param name="cardPath">The resolved card beside the script (recorded in a comment).</param>
    public static string Build(ShardedCommand job, SlurmResources resources, string cardPath)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(resources);
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append("#SBATCH --job-name=emiss-").Append(job.Command[0]).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{job.Shards - 1}\n");
        // %4a: the task index zero-padded to four digits (sbatch filename patterns), the name LocalArrayRunner uses too.
        sb.Append("#SBATCH --output=").Append(Path.Combine(job.LogDirectory, "shard-%4a.log")).Append('\n');
        sb.Append("#SBATCH --ntasks=1\n");
        if (resources.Partition is { } p) sb.Append("#SBATCH --partition=").Append(p).Append('\n');
        if (resources.Time is { } t) sb.Append("#SBATCH --time=").Append(t).Append('\n');
        if (resources.Memory is { } m) sb.Append("#SBATCH --mem=").Append(m).Append('\n');
        if (resources.Cpus is { } c) sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={c}\n");
        sb.Append("# Written by emiss submit. Each task runs one shard into ").Append(job.OutRoot).Append(";\n");
        sb.Append("# a task whose shard is already complete (manifest checksums match) skips it. Resolved card: ").Append(cardPath).Append('\n');
        sb.Append("# When every task has finished: ").Append(job.FinishCommand).Append('\n');
        sb.Append("set -euo pipefail\n");
        sb.Append("i=\"${").Append(TaskIdVariable).Append(":?not an array task: submit this script with sbatch or run it with emiss submit --local}\"\n");
        // Relative paths in the command (--out, cards) are relative to where submit ran, on the shared filesystem.
        sb.Append("cd ").Append(Quote(Environment.CurrentDirectory)).Append('\n');
        sb.Append("exec");
        foreach (string a in job.TaskArguments("$i"))
            sb.Append(' ').Append(a.StartsWith("$i/", StringComparison.Ordinal) ? "\"" + a + "\"" : Quote(a));
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>Single-quotes a word for bash (a quote inside becomes '\'').</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
