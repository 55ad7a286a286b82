using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;

namespace Emiss.Signal.Tables;

/// <summary>
/// Σ(E; x E &gt; E_cut) = Σ_j n_j σ_j(E; x E &gt; E_cut) of one material at ε = 1, cm⁻¹, from per-element
/// <see cref="CutCrossSectionTable"/>s (docs/physics/aprime-emission.md#sampling-tables). The rate part of a
/// <see cref="DarkBremTable"/>, and all a track-length yield needs. Immutable and thread-safe.
/// </summary>
public sealed class MacroscopicCutCrossSection
{
    private readonly CutCrossSectionTable[] _sigma;
    private readonly double[] _atomDensity;

    private MacroscopicCutCrossSection(Material material, double cutGeV, double maxGeV, CutCrossSectionTable[] sigma, double[] atomDensity)
    {
        Material = material;
        CutGeV = cutGeV;
        MaxGeV = maxGeV;
        _sigma = sigma;
        _atomDensity = atomDensity;
    }

    /// <summary>The material.</summary>
    public Material Material { get; }

    /// <summary>E_cut, GeV.</summary>
    public double CutGeV { get; }

    /// <summary>Highest tabulated lepton total energy, GeV.</summary>
    public double MaxGeV { get; }

    /// <summary>Tabulates σ of every element of <paramref name="material"/> with a non-zero mass fraction from E_cut to <paramref name="max"/>.</summary>
    public static MacroscopicCutCrossSection Build(IDarkProductionModel model, Material material, Mass mass, Energy cut, Energy max)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(material);
        ElementComponent[] elements = [.. material.Elements.Where(e => e.MassFraction > 0)];
        var sigma = new CutCrossSectionTable[elements.Length];
        var density = new double[elements.Length];
        for (int j = 0; j < elements.Length; j++)
        {
            sigma[j] = CutCrossSectionTable.Build(model, elements[j], mass, cut, max);
            density[j] = material.AtomDensityPerCm3(elements[j]);
        }
        return new MacroscopicCutCrossSection(material, cut.InGeV, max.InGeV, sigma, density);
    }

    /// <summary>Σ at ε = 1 for lepton total energy <paramref name="leptonGeV"/>, cm⁻¹ (0 at or below E_cut; clamped at <see cref="MaxGeV"/>).</summary>
    public double PerCmAtEps1(double leptonGeV)
    {
        if (!(leptonGeV > CutGeV)) return 0.0;
        double e = Math.Min(leptonGeV, MaxGeV);
        double s = 0;
        for (int j = 0; j < _sigma.Length; j++) s += _atomDensity[j] * _sigma[j].SigmaCm2(e);
        return s;
    }
}
