using System.CommandLine;
using Emiss.Shower.PhysicsList;

namespace Emiss.Cli.Commands;

/// <summary><c>--msc</c>: the multiple-scattering step of the shower engine (<see cref="MscSpatialNames"/>).</summary>
internal static class MscOption
{
    public static Option<string> Create() => new("--msc")
    {
        Description = "Multiple-scattering step: mean-projection (Urban, the default), presta-ii (EGSnrc's electron step: step independent, ≈ 3× the CPU in the NA64 ECAL) or random-hinge (docs/physics/multiple-scattering.md#presta-ii-electron-step)",
        DefaultValueFactory = _ => MscSpatialNames.All[0],
    };

    /// <summary>The parsed value, or the user error naming the three choices.</summary>
    public static MscSpatial Resolve(ParseResult pr, Option<string> option) =>
        UserInput.Resolve("--msc", () => MscSpatialNames.Parse(pr.GetValue(option)!));
}
