using System.CommandLine;
using Emiss.Shower.Fast;

namespace Emiss.Cli.Commands;

/// <summary>The <c>--no-library-cache</c> flag of the commands that use the shower library (docs/physics/fast-mode.md#library-cache).</summary>
internal static class LibraryCacheOption
{
    /// <summary>A new flag; <paramref name="usedBy"/> names what builds the library, e.g. "Fast mode".</summary>
    public static Option<bool> Create(string usedBy) => new("--no-library-cache")
    {
        Description = $"{usedBy}: build the shower library in memory, neither loading nor storing it in the disk cache " +
                      $"(${ShowerLibraryDiskCache.DirectoryVariable}, else $XDG_CACHE_HOME/emiss, else ~/.cache/emiss; ${ShowerLibraryDiskCache.DisableVariable}=1 does the same)",
    };
}
