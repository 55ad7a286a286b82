using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Batch;

/// <summary>
/// A single-node Slurm cluster on this machine for one test: a munge key and <c>munged</c> on a private socket, a minimal
/// <c>slurm.conf</c> for localhost (free ports, state and logs in a temporary directory), then <c>slurmctld</c> and
/// <c>slurmd</c>, all started directly (no systemd) and stopped by the process ids in their pid files. Debian's
/// <c>slurm-wlm</c> and <c>munge</c> packages provide the daemons; slurmd runs jobs as their submitter, so it needs root.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    /// <summary>Set to 1 to skip (visibly) the Slurm test.</summary>
    public const string SkipVariable = "EMISS_SKIP_SLURM";

    private static readonly string[] Programs = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "scontrol"];
    private readonly List<string> _pidFiles = [];

    private SlurmCluster(string dir) => Directory = dir;

    /// <summary>The cluster's directory (configuration, state, logs).</summary>
    public string Directory { get; }

    /// <summary>The configuration file (<c>SLURM_CONF</c> for the client commands).</summary>
    public string Config => Path.Combine(Directory, "slurm.conf");

    /// <summary>The environment that points the Slurm client commands at this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = Config };

    /// <summary>Why no cluster can run here (programs missing, not root), or null.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "the Slurm daemons run on Linux only";
        string[] missing = [.. Programs.Where(p => Find(p) is null)];
        if (missing.Length > 0) return $"{string.Join(", ", missing)} not found on PATH, /usr/sbin or /sbin; install them (Debian, as root: apt-get install -y slurm-wlm munge)";
        if (System.Environment.UserName != "root" && GetUid() != 0)
            return $"slurmd must run as root to start jobs as their submitter, and this test runs as '{System.Environment.UserName}'";
        return null;
    }

    /// <summary>Starts munged, slurmctld and slurmd and waits until the node is idle; fails with the daemons' logs otherwise.</summary>
    public static SlurmCluster Start()
    {
        var c = new SlurmCluster(TestScratch.NewDirectory("emiss-slurm"));
        try
        {
            c.StartDaemons();
            return c;
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    private void StartDaemons()
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Slurm daemons run on Linux");
        string munge = Path.Combine(Directory, "munge");
        System.IO.Directory.CreateDirectory(munge);
        File.SetUnixFileMode(munge, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        string key = Path.Combine(munge, "munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        string socket = Path.Combine(munge, "munge.socket");
        foreach (string d in (string[])["state", "spool", "log"]) System.IO.Directory.CreateDirectory(Path.Combine(Directory, d));
        Daemon("munged", Path.Combine(munge, "munged.pid"), "--key-file", key, "--socket", socket, "--pid-file", Path.Combine(munge, "munged.pid"),
            "--log-file", Path.Combine(Directory, "log", "munged.log"), "--seed-file", Path.Combine(munge, "seed"), "--force");
        string node = Dns.GetHostName().Split('.')[0];
        int cpus = System.Environment.ProcessorCount;
        File.WriteAllText(Config, string.Join('\n',
            "ClusterName=emisstest",
            $"SlurmctldHost={node}(127.0.0.1)",
            $"SlurmctldPort={FreePort()}",
            $"SlurmdPort={FreePort()}",
            "AuthType=auth/munge",
            $"AuthInfo=socket={socket}",
            "CredType=cred/munge",
            "SlurmUser=root",
            "SlurmdUser=root",
            $"StateSaveLocation={Path.Combine(Directory, "state")}",
            $"SlurmdSpoolDir={Path.Combine(Directory, "spool")}",
            $"SlurmctldPidFile={Path.Combine(Directory, "slurmctld.pid")}",
            $"SlurmdPidFile={Path.Combine(Directory, "slurmd.pid")}",
            $"SlurmctldLogFile={Path.Combine(Directory, "log", "slurmctld.log")}",
            $"SlurmdLogFile={Path.Combine(Directory, "log", "slurmd.log")}",
            "ProctrackType=proctrack/linuxproc",   // no cgroups: works in containers
            "TaskPlugin=task/none",
            "SchedulerType=sched/builtin",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "ReturnToService=2",
            "MpiDefault=none",
            "MinJobAge=3600",                     // keep finished jobs visible to scontrol while the test checks them
            string.Create(CultureInfo.InvariantCulture, $"NodeName={node} NodeAddr=127.0.0.1 CPUs={cpus} State=UNKNOWN"),
            $"PartitionName=emiss Nodes={node} Default=YES MaxTime=INFINITE State=UP",
            ""));
        Daemon("slurmctld", Path.Combine(Directory, "slurmctld.pid"), "-f", Config);
        Daemon("slurmd", Path.Combine(Directory, "slurmd.pid"), "-f", Config, "-N", node);
        WaitFor(() => Run("sinfo", "-h", "-o", "%T").Stdout.Trim() is "idle" or "mixed", TimeSpan.FromSeconds(60), "the node to become idle (sinfo)");
    }

    /// <summary>Runs a Slurm client command against this cluster.</summary>
    public (int Code, string Stdout, string Stderr) Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(Find(program)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["SLURM_CONF"] = Config;
        using Process p = Process.Start(psi)!;
        Task<string> o = p.StandardOutput.ReadToEndAsync(), e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(1))) { p.Kill(true); return (-1, o.Result, "timed out"); }
        return (p.ExitCode, o.Result, e.Result);
    }

    /// <summary>Waits until <paramref name="done"/> holds; fails with the daemons' logs after <paramref name="limit"/>.</summary>
    public void WaitFor(Func<bool> done, TimeSpan limit, string what)
    {
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit) Assert.Fail($"timed out after {limit.TotalSeconds:F0} s waiting for {what}\n{Logs()}");
            Thread.Sleep(250);
        }
    }

    /// <summary>The last lines of every daemon log (for failure messages).</summary>
    public string Logs() => string.Join('\n', System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "log")).Order(StringComparer.Ordinal)
        .Select(f => $"--- {Path.GetFileName(f)}:\n{string.Join('\n', File.ReadLines(f).TakeLast(15))}"));

    private void Daemon(string program, string pidFile, params string[] args)
    {
        _pidFiles.Add(pidFile);
        var (code, stdout, stderr) = Run(program, args);
        Assert.True(code == 0, $"{program} did not start (exit {code}): {stdout}{stderr}\n{Logs()}");
        WaitFor(() => File.Exists(pidFile) && new FileInfo(pidFile).Length > 0, TimeSpan.FromSeconds(30), $"{program} to write {pidFile}");
    }

    /// <summary>Stops the daemons that this cluster started (SIGTERM by pid, then SIGKILL) and removes its directory.</summary>
    public void Dispose()
    {
        foreach (string pidFile in Enumerable.Reverse(_pidFiles))
        {
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out int pid)) continue;
            try
            {
                using Process p = Process.GetProcessById(pid);
                using (Process kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
                    kill.WaitForExit();
                if (!p.WaitForExit(TimeSpan.FromSeconds(15))) p.Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a daemon that ignored SIGTERM and SIGKILL still writing: leave the temporary directory
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string? Find(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin", "/usr/bin"])
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static uint GetUid()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return line is null ? uint.MaxValue : uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A fact that needs a Slurm cluster on this machine: it runs, and fails with the reason where none can start, unless
/// EMISS_SKIP_SLURM=1, in which case xUnit reports it skipped with that variable named.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SlurmFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> at discovery when skipping is requested.</summary>
    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(SlurmCluster.SkipVariable) == "1")
            Skip = $"{SlurmCluster.SkipVariable}=1: the Slurm job-array test was skipped on request ({SlurmCluster.Unavailable() ?? "Slurm would be available here"})";
    }
}
