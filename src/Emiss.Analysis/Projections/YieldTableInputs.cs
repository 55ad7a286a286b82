using System.Globalization;
using System.Reflection;
using Emiss.Core.IO;
using Emiss.Shower.Geometry;

namespace Emiss.Analysis.Projections;

/// <summary>
/// The inputs that fix a yield table, as canonical text lines, and their SHA-256 (docs/physics/projections.md#yield-tables).
/// The physics code itself is an input: the module version ids of the assemblies that compute yields change with
/// every change of their compiled code (builds are deterministic), so editing a cross section, the shower or the
/// estimator invalidates every cached table, while rebuilding unchanged code does not.
/// </summary>
public sealed record YieldTableInputs(IReadOnlyList<string> Lines)
{
    /// <summary>Assemblies whose code determines a yield (Core: constants and materials; Physics; Shower; Signal; Analysis: this mapping).</summary>
    private static readonly Assembly[] PhysicsAssemblies =
    [
        typeof(Core.Units.Mass).Assembly, typeof(Physics.YieldModels.ISignalYieldModel).Assembly, typeof(SlabStack).Assembly,
        typeof(Signal.AnalyticYield.PrimaryPositronAnnihilationYield).Assembly, typeof(YieldTableInputs).Assembly,
    ];

    /// <summary>Hex SHA-256 of the lines joined by '\n'.</summary>
    public string Hash { get; } = Sha256Hex.OfText(string.Join('\n', Lines));

    /// <summary>The inputs of the table of <paramref name="setting"/> under <paramref name="spec"/>.</summary>
    public static YieldTableInputs For(ProjectionSetting setting, YieldSpec spec)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(spec);
        var inv = CultureInfo.InvariantCulture;
        bool usesShowers = spec.Method == YieldMethod.MonteCarlo || (spec.ShowerAnnihilation && setting.Particle == BeamParticle.Electron);
        var lines = new List<string>
        {
            "schema: emiss-yield-table/1",
            $"beam: {setting.Particle.Label()} {setting.EnergyGeV.ToString("R", inv)} GeV",
            $"target: {setting.Target.Name} X0={setting.Target.RadiationLengthGPerCm2.ToString("R", inv)} g/cm2 Z/A={setting.Target.ZOverA.ToString("R", inv)}",
            $"mediator: {setting.Mediator}",
            $"production: {spec.Production}",
            $"missingEnergyMinFraction: {spec.MissingEnergyMinFraction.ToString("R", inv)}",
            $"massesMeV: {string.Join(',', spec.MassesMeV.Select(m => m.ToString("R", inv)))}",
            $"method: {spec.Method}",
            $"showerAnnihilation: {spec.ShowerAnnihilation && setting.Particle == BeamParticle.Electron}",
            $"alphaDark: {spec.AlphaDark.ToString("R", inv)} chiMassRatio: {spec.ChiMassRatio.ToString("R", inv)}",
        };
        if (usesShowers)
        {
            SlabStack g = spec.ShowerGeometry;
            lines.Add($"showers: {spec.ShowerEvents.ToString(inv)} seed: {spec.Seed.ToString(inv)}");
            lines.Add($"geometry: {g.Name}; {g.Description}; transverse {g.TransverseSizeCm.ToString("R", inv)} cm; z edges " +
                      string.Join(',', g.ZEdgesCm.Select(z => z.ToString("R", inv))) + "; materials " +
                      string.Join(',', g.SlabMaterial.Select(i => g.Materials[i].Name)));
        }
        foreach (Assembly a in PhysicsAssemblies)
            lines.Add($"code: {a.GetName().Name} {a.ManifestModule.ModuleVersionId:N}");
        return new YieldTableInputs(lines);
    }
}
