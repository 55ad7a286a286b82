using System.Collections.Immutable;
using Emiss.Core.Materials;
using Emiss.Core.Random;

namespace Emiss.Physics.Photonuclear;

/// <summary>One nuclear species of a target: mass number, charge and number density (nuclei per cm³, averaged over
/// the volume of a sampling structure).</summary>
/// <param name="A">Mass number (molar mass in g/mol for natural elements).</param>
/// <param name="Z">Atomic number.</param>
/// <param name="NucleiPerCm3">Volume-averaged number density, cm⁻³.</param>
public readonly record struct TargetNucleus(double A, int Z, double NucleiPerCm3);

/// <summary>
/// A homogeneous (or homogenised sampling) medium seen by the photons of a shower: its nuclei and its effective
/// radiation length. The expected number of photonuclear interactions per beam electron with photon energy in
/// [k_min, k_max] is N = ∫ T_γ(k) X0 Σ_j n_j σ_j(k) dk with T_γ from <see cref="PhotonTrackLength"/> (X0 per GeV) and
/// X0 in cm (docs/physics/photonuclear.md#rate-per-electron). Not thread-safe (<see cref="EnergyDensity"/> caches its
/// normalisation): one instance per worker.
/// </summary>
public sealed class PhotonuclearTarget
{
    private const int Panels = 24;

    /// <summary>Creates a target from its nuclei and effective radiation length in cm.</summary>
    public PhotonuclearTarget(IEnumerable<TargetNucleus> nuclei, double radiationLengthCm)
    {
        Nuclei = [.. nuclei ?? throw new ArgumentNullException(nameof(nuclei))];
        if (Nuclei.IsEmpty) throw new ArgumentException("a target needs at least one nucleus", nameof(nuclei));
        if (!(radiationLengthCm > 0) || double.IsInfinity(radiationLengthCm))
            throw new ArgumentOutOfRangeException(nameof(radiationLengthCm), radiationLengthCm, "X0 must be positive");
        RadiationLengthCm = radiationLengthCm;
    }

    /// <summary>The sampling structure made of repeated layers (material, thickness in cm): number densities are
    /// thickness-weighted, 1/X0_eff = Σ (t_i/T)/X0_i.</summary>
    public static PhotonuclearTarget FromLayers(IReadOnlyList<(Material Material, double ThicknessCm)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        double total = layers.Sum(l => l.ThicknessCm);
        if (!(total > 0)) throw new ArgumentException("layers need a positive total thickness", nameof(layers));
        var nuclei = new List<TargetNucleus>();
        double invX0 = 0;
        foreach ((Material m, double t) in layers)
        {
            invX0 += t / total / m.RadiationLengthCm;
            foreach (ElementComponent el in m.Elements)
                nuclei.Add(new TargetNucleus(el.AGramsPerMol, el.Z, m.AtomDensityPerCm3(el) * t / total));
        }
        return new PhotonuclearTarget(nuclei, 1 / invX0);
    }

    /// <summary>The nuclei.</summary>
    public ImmutableArray<TargetNucleus> Nuclei { get; }

    /// <summary>Effective radiation length, cm.</summary>
    public double RadiationLengthCm { get; }

    /// <summary>Photonuclear interactions per cm of photon path at energy <paramref name="kGeV"/>: Σ_j n_j σ_j.</summary>
    public double InteractionsPerCm(double kGeV)
    {
        double s = 0;
        foreach (TargetNucleus n in Nuclei) s += n.NucleiPerCm3 * PhotonuclearCrossSection.Millibarn(n.A, kGeV) * 1e-27;
        return s;
    }

    /// <summary>Interactions per X0 of photon path: X0 Σ_j n_j σ_j (the ratio σ_γA/σ_pair up to the 7/9 factor).</summary>
    public double InteractionsPerX0(double kGeV) => RadiationLengthCm * InteractionsPerCm(kGeV);

    /// <summary>Expected interactions per beam electron of energy <paramref name="e0GeV"/> with photon energy in
    /// [<paramref name="kMin"/>, <paramref name="kMax"/>] (Gauss–Legendre in ln k, where the integrand ∝ σ/k is smooth).</summary>
    public double ExpectedPerElectron(double e0GeV, double kMin, double kMax)
    {
        CheckRange(e0GeV, kMin, kMax);
        return e0GeV * SpectrumIntegral(kMin, kMax);
    }

    /// <summary>∫ T_γ(k)/E0 · X0 Σ n σ dk: the interactions per electron per GeV of beam energy.</summary>
    private double SpectrumIntegral(double kMin, double kMax) => Core.Numerics.GaussLegendre.Integrate(
        u => { double k = Math.Exp(u); return k * PhotonTrackLength.PerGeV(1, k) * InteractionsPerX0(k); },
        Math.Log(kMin), Math.Log(kMax), Panels);

    /// <summary>
    /// Samples a photon energy from the interaction spectrum p(k) ∝ σ(k)/k² on [kMin, kMax]: 1/k² by inversion, then
    /// acceptance σ(k)/σ_max (σ_max = max of σ at the two ends: σ_γA is monotonic or has one minimum, ≈ 20 GeV, so the
    /// larger end value bounds it).
    /// </summary>
    public double SampleEnergy(double kMin, double kMax, ref EventRng rng)
    {
        CheckRange(kMax, kMin, kMax);
        double sMax = Math.Max(InteractionsPerCm(kMin), InteractionsPerCm(kMax));
        while (true)
        {
            double u = rng.NextDouble();
            double k = 1 / (1 / kMin - u * (1 / kMin - 1 / kMax));
            if (rng.NextDouble() * sMax <= InteractionsPerCm(k)) return k;
        }
    }

    /// <summary>Normalised density of <see cref="SampleEnergy"/> at <paramref name="kGeV"/>, per GeV.</summary>
    public double EnergyDensity(double kGeV, double kMin, double kMax)
    {
        if (kGeV < kMin || kGeV > kMax) return 0;
        (double lo, double hi, double norm) = _norm;
        if (lo != kMin || hi != kMax)
        {
            norm = SpectrumIntegral(kMin, kMax);
            _norm = (kMin, kMax, norm);
        }
        return PhotonTrackLength.PerGeV(1, kGeV) * InteractionsPerX0(kGeV) / norm;
    }

    private (double Lo, double Hi, double Norm) _norm = (double.NaN, double.NaN, double.NaN);

    private static void CheckRange(double e0, double kMin, double kMax)
    {
        if (!(kMin >= PhotonuclearCrossSection.MinimumEnergyGeV) || !(kMax > kMin) || !(e0 >= kMax) || double.IsInfinity(e0))
            throw new ArgumentOutOfRangeException(nameof(kMin), $"need {PhotonuclearCrossSection.MinimumEnergyGeV} GeV ≤ k_min < k_max ≤ E0 (got {kMin}, {kMax}, {e0})");
    }
}
