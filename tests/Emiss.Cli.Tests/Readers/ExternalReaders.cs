using System.Diagnostics;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Readers;

/// <summary>
/// The HepMC3 C++ library as an independent reader: locating g++ and HepMC3, compiling tests/readers/hepmc3_check.cc.
/// Where the library is missing the checks fail with a message saying how to install it, unless
/// <see cref="SkipVariable"/>=1, in which case they are reported as skipped with the reason.
/// </summary>
internal static class ExternalReaders
{
    /// <summary>Set to 1 to skip (visibly) the checks whose external reader is not installed.</summary>
    public const string SkipVariable = "EMISS_SKIP_EXTERNAL_READERS";

    private static readonly string[] IncludeDirs = ["/usr/include", "/usr/local/include", "/opt/homebrew/include"];

    /// <summary>Why the HepMC3 toolchain is unusable here, or null when g++ and the HepMC3 headers are present.</summary>
    public static string? HepMC3Missing()
    {
        if (FindOnPath("g++") is null) return "g++ not found on PATH";
        if (!IncludeDirs.Any(d => File.Exists(Path.Combine(d, "HepMC3", "ReaderAscii.h"))) && Run("pkg-config", ["--exists", "HepMC3"]).Code != 0)
            return $"HepMC3/ReaderAscii.h not found in {string.Join(", ", IncludeDirs)} nor through pkg-config";
        return null;
    }

    /// <summary>The install hint of a failing check.</summary>
    public static string Hint => $"install it (Debian/Ubuntu, as root: apt-get install -y libhepmc3-dev g++) or set {SkipVariable}=1 to skip this check explicitly";

    /// <summary>Compiles the checker into <paramref name="dir"/> and returns its path; fails the test with the compiler output otherwise.</summary>
    public static string CompileHepMC3Checker(string dir)
    {
        string src = Path.Combine(RepoPaths.Root, "tests", "readers", "hepmc3_check.cc");
        string exe = Path.Combine(dir, "hepmc3_check");
        // Debian's libhepmc3-dev ships no .pc file: use pkg-config where it knows HepMC3, else the plain -lHepMC3.
        (int pc, string flags, _) = Run("pkg-config", ["--cflags", "--libs", "HepMC3"]);
        string[] link = pc == 0 ? flags.Split(' ', StringSplitOptions.RemoveEmptyEntries) : ["-lHepMC3"];
        (int code, string stdout, string stderr) = Run("g++", ["-std=c++17", "-O1", "-Wall", "-Wextra", "-Werror", "-o", exe, src, .. link]);
        Assert.True(code == 0, $"g++ could not build {src} against HepMC3 ({string.Join(' ', link)}): {stdout}{stderr}\n{Hint}");
        return exe;
    }

    /// <summary>Runs a program (no shell), returning exit code and output; exit code −1 when it cannot be started.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string program, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        try
        {
            using Process p = Process.Start(psi)!;
            Task<string> o = p.StandardOutput.ReadToEndAsync(), e = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); return (-1, o.Result, "timed out"); }
            return (p.ExitCode, o.Result, e.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, "", $"{program}: {ex.Message}");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that needs the HepMC3 C++ toolchain: it runs (and fails where the library is missing) unless
/// EMISS_SKIP_EXTERNAL_READERS=1 and the library is missing, in which case xUnit reports it skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HepMC3FactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> at discovery when skipping is requested and needed.</summary>
    public HepMC3FactAttribute()
    {
        if (Environment.GetEnvironmentVariable(ExternalReaders.SkipVariable) == "1" && ExternalReaders.HepMC3Missing() is string why)
            Skip = $"{ExternalReaders.SkipVariable}=1 and the HepMC3 C++ reader is unavailable: {why}";
    }
}
