using Emiss.Core.Constants;
using Emiss.Core.Materials;

namespace Emiss.Shower.Materials;

/// <summary>
/// A material as the shower physics sees it: per-element atomic numbers and atom densities, electron density,
/// radiation length, LPM and plasma energies, and the production cuts that apply in it. Immutable.
/// </summary>
public sealed class ShowerMaterial
{
    /// <summary>Creates the physics view of <paramref name="source"/> with the given cuts.</summary>
    /// <param name="index">Index of the material in its <see cref="ShowerMaterialSet"/>.</param>
    /// <param name="source">Bulk material.</param>
    /// <param name="electronCutGeV">e± production and tracking cut (kinetic energy), GeV.</param>
    /// <param name="gammaCutGeV">γ production and tracking cut, GeV.</param>
    public ShowerMaterial(int index, Material source, double electronCutGeV, double gammaCutGeV)
    {
        ArgumentNullException.ThrowIfNull(source);
        Index = index;
        Source = source;
        ElectronCutGeV = electronCutGeV;
        GammaCutGeV = gammaCutGeV;
        Z = [.. source.Elements.Select(e => e.Z)];
        AtomDensityPerCm3 = [.. source.Elements.Select(source.AtomDensityPerCm3)];
        ElectronDensityPerCm3 = source.ElectronDensityPerCm3;
        RadiationLengthCm = source.RadiationLengthCm;
        // Plasma energy ħω_p = 28.816 eV √(ρ⟨Z/A⟩) (PDG "Passage of particles through matter", eq. 34.8).
        PlasmaEnergyGeV = 28.816e-9 * Math.Sqrt(source.DensityGPerCm3 * source.ZOverA);
        // E_LPM = m_e² α X0 /(4π ħc) (Klein, RMP 71, 1501 (1999), eq. 5): 7.7 TeV/cm × X0.
        LpmEnergyGeV = PhysicalConstants.ElectronMassGeV * PhysicalConstants.ElectronMassGeV * PhysicalConstants.Alpha
            * RadiationLengthCm / (4.0 * Math.PI * PhysicalConstants.HbarCGeVCm);
    }

    /// <summary>Index in the material set (slabs refer to materials by this index).</summary>
    public int Index { get; }

    /// <summary>The bulk material.</summary>
    public Material Source { get; }

    /// <summary>Material name.</summary>
    public string Name => Source.Name;

    /// <summary>Atomic number of each element.</summary>
    public int[] Z { get; }

    /// <summary>Atom density of each element, cm⁻³.</summary>
    public double[] AtomDensityPerCm3 { get; }

    /// <summary>Electron density, cm⁻³.</summary>
    public double ElectronDensityPerCm3 { get; }

    /// <summary>Radiation length, cm.</summary>
    public double RadiationLengthCm { get; }

    /// <summary>Plasma energy ħω_p, GeV.</summary>
    public double PlasmaEnergyGeV { get; }

    /// <summary>LPM energy E_LPM, GeV.</summary>
    public double LpmEnergyGeV { get; }

    /// <summary>e± production and tracking cut (kinetic energy), GeV.</summary>
    public double ElectronCutGeV { get; }

    /// <summary>γ production and tracking cut, GeV.</summary>
    public double GammaCutGeV { get; }
}
