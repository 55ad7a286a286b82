using System.Diagnostics;
using Emiss.Core.Diagnostics;

namespace Emiss.Cli.Batch;

/// <summary>Hands a job-array script to <c>sbatch --parsable</c> and returns the array job id.</summary>
internal static class SlurmSubmitter
{
    /// <summary>Submits <paramref name="scriptPath"/>; sbatch missing or refusing the job is a <see cref="UserInputException"/> with its message.</summary>
    public static string Submit(string scriptPath)
    {
        var psi = new ProcessStartInfo("sbatch") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("--parsable");
        psi.ArgumentList.Add(scriptPath);
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new InvalidOperationException("sbatch did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UserInputException("--slurm", $"cannot run sbatch ({e.Message})",
                "run on a Slurm login node, or use --dry-run to get the script, or --local to run the shards here", e);
        }
        using (p)
        {
            Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            string err = stderr.Result.Trim(), output = stdout.Result.Trim();
            if (p.ExitCode != 0)
                throw new UserInputException("--slurm", $"sbatch refused the job (exit {p.ExitCode}): {err.ReplaceLineEndings(" ")}",
                    "check --partition, --time, --mem and --cpus against the cluster's limits (sinfo), or use --dry-run");
            // --parsable prints "jobid" or "jobid;cluster".
            return output.Split('\n')[^1].Split(';')[0];
        }
    }
}
