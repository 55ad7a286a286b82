using Emiss.Core.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.PairProduction;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// A photon's pair-conversion probability per radiation length in a sampling stack: μ(E) = Σ_j n_j σ_j(E) / (X0 count of the
/// period), n_j the atoms of element j per cm² of one period and σ_j the shower engine's pair cross section above 10 MeV, the
/// Tsai differential cross section (nuclear + electron field, screening and Coulomb correction; Tsai, Rev. Mod. Phys. 46
/// (1974) 815) integrated over the energy split (<see cref="PairProductionXsCalculator.TsaiCrossSectionCm2"/>), tabulated at
/// construction from <see cref="LowestGeV"/> to <see cref="HighestGeV"/> and interpolated linearly in ln E (held beyond the
/// ends). It tends to 7/9 per X0 with complete screening and is lower at a few GeV. Compton scattering and the photoeffect,
/// ≲ 1 % of the pair cross section in lead above 1 GeV, are left out: they do not start the shower
/// (docs/physics/calorimeter-parametrised.md#photons).
/// </summary>
public sealed class PhotonConversionRate : IEquatable<PhotonConversionRate>
{
    /// <summary>Lowest tabulated energy, GeV (the parametrised showers start at ≈ 0.1 GeV).</summary>
    public const double LowestGeV = 0.01;

    /// <summary>Highest tabulated energy, GeV; the cross section is within 10⁻³ of its complete-screening limit there.</summary>
    public const double HighestGeV = 1e4;

    /// <summary>The table's energies: 10 nodes per decade, the shower engine's uniform grid in ln E.</summary>
    private static readonly EnergyGrid Grid = new(LowestGeV, HighestGeV, 10);

    private readonly int[] _z;
    private readonly double[] _atomsPerCm2PerX0;
    private readonly double[] _perX0;

    /// <summary>The rate of a period made of <paramref name="layers"/> (material, thickness in cm; thickness &gt; 0 for at least one).</summary>
    public PhotonConversionRate(IReadOnlyList<(Material Material, double ThicknessCm)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        double x0 = layers.Sum(l => l.ThicknessCm / l.Material.RadiationLengthCm);
        if (!(x0 > 0) || layers.Any(l => !(l.ThicknessCm >= 0))) throw new ArgumentException("the layers need non-negative thicknesses and some material", nameof(layers));
        var atoms = new Dictionary<int, double>();
        foreach ((Material m, double t) in layers)
            foreach (ElementComponent el in m.Elements)
                atoms[el.Z] = atoms.GetValueOrDefault(el.Z) + m.AtomDensityPerCm3(el) * t;
        _z = [.. atoms.Keys.Order()];
        _atomsPerCm2PerX0 = [.. _z.Select(z => atoms[z] / x0)];
        BremsstrahlungElement[] elements = [.. _z.Select(BremsstrahlungElement.For)];
        double[] atomsPerX0 = _atomsPerCm2PerX0;
        _perX0 = Grid.Tabulate(k =>
        {
            double mu = 0;
            for (int i = 0; i < elements.Length; i++) mu += atomsPerX0[i] * PairProductionXsCalculator.TsaiCrossSectionCm2(elements[i], k);
            return mu;
        });
    }

    /// <summary>Conversion probability per radiation length for a photon of <paramref name="energyGeV"/>: the table, linear in ln E
    /// between its nodes, its end values beyond them.</summary>
    public double PerX0At(double energyGeV) => Grid.Interpolate(_perX0, Math.Log(energyGeV));

    /// <inheritdoc />
    public bool Equals(PhotonConversionRate? other) =>
        other is not null && _z.AsSpan().SequenceEqual(other._z) && _atomsPerCm2PerX0.AsSpan().SequenceEqual(other._atomsPerCm2PerX0);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PhotonConversionRate);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int z in _z) h.Add(z);
        foreach (double n in _atomsPerCm2PerX0) h.Add(n);
        return h.ToHashCode();
    }
}
