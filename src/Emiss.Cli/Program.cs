using System.CommandLine;
using Emiss.Cli.Commands;

namespace Emiss.Cli;

/// <summary>The <c>emiss</c> command-line entry point and composition root.</summary>
public static class Program
{
    /// <summary>Builds the command tree; exposed for tests.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Emiss: the NA64 missing-energy search for invisible dark photons, end to end.");
        foreach (Command c in CommandCatalog.All()) root.Subcommands.Add(c);
        return root;
    }

    /// <summary>Runs the CLI.</summary>
    public static async Task<int> Main(string[] args) => await BuildRoot().Parse(args).InvokeAsync().ConfigureAwait(false);
}
