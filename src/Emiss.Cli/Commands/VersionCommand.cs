using System.CommandLine;
using Emiss.Core.IO;
using Emiss.Core.Random;

namespace Emiss.Cli.Commands;

/// <summary><c>emiss version</c>: prints version, commit and RNG scheme.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var cmd = new Command("version", "Print the Emiss version, git commit and RNG scheme.");
        cmd.SetAction(_ =>
        {
            Console.Out.WriteLine($"emiss {BuildInfo.Version} commit {BuildInfo.GitCommit} rng {RngStreams.Scheme}");
            return 0;
        });
        return cmd;
    }
}
