using System.Diagnostics;

namespace Emiss.Cli.Tests;

/// <summary>Runs the built CLI (emiss.dll next to the test assembly) as a separate process.</summary>
internal static class EmissProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (e.g. runtime limits).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunIn(null, environment, args);

    /// <summary>Runs in <paramref name="workingDirectory"/> (so that relative paths, and hence the recorded command, can repeat).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunIn(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunIn(workingDirectory, environment, TimeSpan.FromMinutes(3), args);

    /// <summary>As above, killed (and a <see cref="TimeoutException"/>) after <paramref name="limit"/> rather than 3 minutes:
    /// for whole <c>reproduce</c> runs, which take minutes on the shared 2-core machine.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunIn(string? workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "emiss.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit)) { p.Kill(true); throw new TimeoutException("emiss " + string.Join(' ', args)); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the CLI in <paramref name="workingDirectory"/> without waiting (output redirected and collected).</summary>
    public static RunningEmiss Start(string workingDirectory, params string[] args)
    {
        // A test run started as a background job ignores SIGINT, and an ignored signal stays ignored across exec (and
        // .NET keeps it so). Where python3 is present, the child restores the default disposition before it execs
        // dotnet (same process id), so interrupt tests see what a user at a terminal sees.
        bool reset = SigIntIgnoredHere() && PythonPath() is not null;
        var psi = new ProcessStartInfo(reset ? PythonPath()! : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        if (reset)
        {
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
            psi.ArgumentList.Add("dotnet");
        }
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "emiss.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        return new RunningEmiss(Process.Start(psi)!, args);
    }

    /// <summary>Whether processes started by <see cref="Start"/> ignore SIGINT (this process ignores it and no python3
    /// is available to restore the default).</summary>
    public static bool ChildrenIgnoreSigInt => SigIntIgnoredHere() && PythonPath() is null;

    private static bool SigIntIgnoredHere()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0x2) != 0;
    }

    private static string? PythonPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);
}

/// <summary>A CLI process started by <see cref="EmissProcess.Start"/>.</summary>
internal sealed class RunningEmiss(Process process, string[] args) : IDisposable
{
    private readonly Task<string> _stdout = process.StandardOutput.ReadToEndAsync();
    private readonly Task<string> _stderr = process.StandardError.ReadToEndAsync();

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Sends a signal with kill(1) (SIGKILL through <see cref="Process.Kill()"/>); no-op once the process has ended.</summary>
    public void Signal(string name)
    {
        if (process.HasExited) return;
        if (name == "KILL")
        {
            process.Kill();
            return;
        }
        using Process kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the end (3 minutes at most); the exit code is 128 + signal for a process ended by a signal.</summary>
    public (int ExitCode, string Stdout, string Stderr) Wait()
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(true); throw new TimeoutException("emiss " + string.Join(' ', args)); }
        process.WaitForExit();
        return (process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(true);
        process.Dispose();
    }
}
