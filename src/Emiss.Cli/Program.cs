using System.CommandLine;
using Emiss.Cli.Commands;

namespace Emiss.Cli;

/// <summary>The <c>emiss</c> command-line entry point and composition root.</summary>
public static class Program
{
    /// <summary>Builds the command tree; exposed for tests.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Emiss: the NA64 missing-energy search for invisible dark photons, end to end.") { CliErrors.Verbose };
        foreach (Command c in CommandCatalog.All()) root.Subcommands.Add(c);
        return root;
    }

    /// <summary>Runs the CLI.</summary>
    public static async Task<int> Main(string[] args)
    {
        IDisposable[] signals = Interruption.Install();
        try
        {
            return await RunAsync(args).ConfigureAwait(false);
        }
        finally
        {
            foreach (IDisposable s in signals) s.Dispose();
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        ParseResult parse = BuildRoot().Parse(args);
        // A command line that does not parse (unknown option, value of the wrong type, missing required option) is a
        // user error like any other: one line, exit code 2. With no verb at all, show the help instead.
        if (parse.Errors.Count > 0 && args.Length > 0)
        {
            await Console.Error.WriteLineAsync(ParseErrors.Describe(parse)).ConfigureAwait(false);
            return CliErrors.UsageError;
        }
        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
