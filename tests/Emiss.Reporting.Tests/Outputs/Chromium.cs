using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>
/// Debian's <c>chromium</c> as the independent reader of the HTML report (installed by .ci/run). Where it is missing the
/// browser checks fail with an install hint, unless <see cref="SkipVariable"/>=1, in which case they are reported skipped.
/// </summary>
internal static class Chromium
{
    /// <summary>Set to 1 to skip (visibly) the checks whose external reader is not installed (as the HepMC3 reader checks).</summary>
    public const string SkipVariable = "EMISS_SKIP_EXTERNAL_READERS";

    /// <summary>Optional explicit path of the browser executable.</summary>
    public const string PathVariable = "EMISS_CHROMIUM";

    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The browser executable, or null.</summary>
    public static string? Executable()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given) return File.Exists(given) ? given : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => Names.Select(n => Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>The install hint of a failing check.</summary>
    public static string Hint =>
        $"chromium not found on PATH (nor {PathVariable}): install it (Debian/Ubuntu, as root: apt-get install -y chromium) or set {SkipVariable}=1 to skip this check explicitly";
}

/// <summary>A fact that needs Debian's chromium: runs (and fails where it is missing) unless EMISS_SKIP_EXTERNAL_READERS=1 and it is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> at discovery when skipping is requested and needed.</summary>
    public ChromiumFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Chromium.SkipVariable) == "1" && Chromium.Executable() is null)
            Skip = $"{Chromium.SkipVariable}=1 and chromium is not installed";
    }
}
