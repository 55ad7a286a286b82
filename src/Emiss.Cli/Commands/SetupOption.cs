using System.CommandLine;
using Emiss.Detector.Setup;

namespace Emiss.Cli.Commands;

/// <summary><c>--setup</c>: a built-in set-up card or a YAML/JSON card overriding one (<see cref="SimulateCommand.LoadSetup"/>).</summary>
internal static class SetupOption
{
    public static Option<string> Create() => new("--setup")
    {
        Description = $"Built-in set-up ({string.Join(", ", SetupPresets.All.Keys.Order(StringComparer.Ordinal))}) or a .yaml/.json card overriding one (key 'base')",
        DefaultValueFactory = _ => SetupPresets.Na64_2016_PbSc,
    };
}
