using Emiss.Core.Materials;
using Emiss.Shower.Geometry;
using Emiss.Shower.Processes.Ionisation;

namespace Emiss.Shower.PhysicsList;

/// <summary>
/// Resolves the e± cut of each material, in priority order: <see cref="PhysicsOptions.ElectronCutGeV"/>; the
/// geometry file's electronCutsMeV; the docs/physics/transport.md#production-cuts convention (Pb 1.0 MeV, Sc 0.35 MeV); otherwise the kinetic
/// energy whose CSDA range (collision loss only) equals <see cref="PhysicsOptions.ElectronRangeCutCm"/>, which
/// approximates Geant4's range-cut conversion (1 mm → Pb 1.37 MeV, lAr ≈ 0.34 MeV).
/// </summary>
public static class ProductionCuts
{
    /// <summary>e± cut for <paramref name="material"/>, GeV.</summary>
    public static double ElectronCutGeV(Material material, SlabStack geometry, PhysicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ElectronCutGeV is double c) return c;
        if (geometry.ElectronCutOverridesGeV.TryGetValue(material.Name, out double g)) return g;
        return material.Name switch
        {
            "Pb" => 1.0e-3,
            "Sc" => 0.35e-3,
            _ => EnergyForCsdaRangeGeV(material, options.ElectronRangeCutCm),
        };
    }

    /// <summary>Electron kinetic energy whose CSDA range (collision stopping power, docs/physics/ionisation.md#electrons-and-positrons) is <paramref name="rangeCm"/>, GeV.</summary>
    public static double EnergyForCsdaRangeGeV(Material material, double rangeCm)
    {
        ArgumentNullException.ThrowIfNull(material);
        double t = 1e-6, r = t / ElectronStoppingPower.TotalGeVPerCm(material, t, false);
        const double Ratio = 1.002;
        while (r < rangeCm && t < 10.0)
        {
            double t2 = t * Ratio;
            double mid = Math.Sqrt(t * t2);
            double dr = (t2 - t) / ElectronStoppingPower.TotalGeVPerCm(material, mid, false);
            if (r + dr >= rangeCm) return t + (t2 - t) * (rangeCm - r) / dr;
            r += dr;
            t = t2;
        }
        return t;
    }
}
