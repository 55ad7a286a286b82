using System.Reflection;

namespace Emiss.Core.IO;

/// <summary>Version and source commit of this Emiss build, read from the assembly's informational version ("0.1.0+sha").</summary>
public static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The semantic version, e.g. "0.1.0".</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The git commit the build was made from, or "unknown" outside a git checkout.</summary>
    public static string GitCommit
    {
        get
        {
            int plus = Informational.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 && plus + 1 < Informational.Length ? Informational[(plus + 1)..] : "unknown";
        }
    }
}
