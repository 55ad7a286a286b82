using Emiss.Core.Numerics;
using Emiss.Core.Random;

namespace Emiss.Physics.Muons;

/// <summary>One element of a (homogenised) absorber: atomic number, atomic mass (g/mol) and atoms per cm³.</summary>
/// <param name="Z">Atomic number.</param>
/// <param name="A">Atomic mass, g/mol.</param>
/// <param name="AtomsPerCm3">Number density in the homogenised medium, cm⁻³.</param>
public readonly record struct AbsorberElement(int Z, double A, double AtomsPerCm3);

/// <summary>
/// γ → μ⁺μ⁻ in an electron-initiated shower: the photon track-length spectrum of Rossi's approximation A,
/// T_γ(k) = 0.572 X0 E0/k² (docs/physics/validation-anchors.md#v13; Rossi, High-Energy Particles, 1952), folded with
/// the Bethe–Heitler muon-pair cross section (<see cref="MuonPairCrossSection.TotalCm2"/>):
/// n_μμ = ∫ T_γ(k) Σ_i n_i σ_i(k) dk from 4m_μ to E0 (docs/physics/muon-pairs.md#dimuons-per-electron).
/// Approximation A is the asymptotic form for k ≪ E0; near k → E0 the true spectrum is lower (the primary has not yet
/// radiated), which the ±20 % of the V16 comparison covers. Photons are sampled from T_γ(k)σ(k) by rejection
/// (log-uniform proposal, bound from a 257-point scan raised by 5 %, checked on every draw), so they are exact.
/// </summary>
public sealed class DimuonSpectrum
{
    /// <summary>Rossi approximation A: T_γ k²/(X0 E0) = 0.572 (docs/physics/validation-anchors.md#v13).</summary>
    public const double RossiPhotonCoefficient = 0.572;

    private readonly AbsorberElement[] _elements;
    private readonly double _kMin, _lnRange, _bound;

    /// <summary>Builds the spectrum for a beam electron of energy E0 in an absorber of radiation length X0.</summary>
    public DimuonSpectrum(double beamGeV, double radiationLengthCm, IReadOnlyList<AbsorberElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (!(beamGeV > MuonPairCrossSection.ThresholdGeV)) throw new ArgumentOutOfRangeException(nameof(beamGeV), beamGeV, "beam below the γ → μμ threshold");
        if (!(radiationLengthCm > 0)) throw new ArgumentOutOfRangeException(nameof(radiationLengthCm), radiationLengthCm, "X0 > 0");
        if (elements.Count == 0) throw new ArgumentException("no elements", nameof(elements));
        BeamGeV = beamGeV;
        RadiationLengthCm = radiationLengthCm;
        _elements = [.. elements];
        // Start just above 4m_μ, where σ = 0 exactly; the threshold factor (1 − 4m_μ/k)^1.53 makes the lowest 1e-6 irrelevant.
        _kMin = MuonPairCrossSection.ThresholdGeV * (1 + 1e-9);
        _lnRange = Math.Log(beamGeV / _kMin);
        double max = 0;
        for (int i = 0; i <= 256; i++) max = Math.Max(max, SigmaOverK(_kMin * Math.Exp(_lnRange * i / 256)));
        _bound = 1.05 * max;
        PerElectron = ConversionsBetween(_kMin, beamGeV);
    }

    /// <summary>Lowest photon energy of the spectrum (just above 4m_μ), GeV.</summary>
    public double MinimumGeV => _kMin;

    /// <summary>Conversions per beam electron with k in [<paramref name="kLowGeV"/>, <paramref name="kHighGeV"/>]:
    /// ∫ T_γ(k) X0 Σ n_i σ_i(k) dk, 48-point Gauss–Legendre in ln k (the form of <see cref="PerElectron"/>).</summary>
    public double ConversionsBetween(double kLowGeV, double kHighGeV)
    {
        double lo = Math.Max(kLowGeV, _kMin);
        if (!(kHighGeV > lo)) return 0;
        return RossiPhotonCoefficient * RadiationLengthCm * BeamGeV
               * GaussLegendre.Integrate(lk => SigmaOverK(Math.Exp(lk)), Math.Log(lo), Math.Log(kHighGeV), 48);
    }

    /// <summary>Beam energy E0, GeV.</summary>
    public double BeamGeV { get; }

    /// <summary>Radiation length of the homogenised absorber, cm.</summary>
    public double RadiationLengthCm { get; }

    /// <summary>Expected γ → μ⁺μ⁻ conversions per beam electron, n_μμ.</summary>
    public double PerElectron { get; }

    /// <summary>Photon track length per GeV at k in X0 units: 0.572 E0/k².</summary>
    public double TrackLengthX0PerGeV(double kGeV) => RossiPhotonCoefficient * BeamGeV / (kGeV * kGeV);

    /// <summary>Macroscopic cross section Σ n_i σ_i(k), cm⁻¹.</summary>
    public double MacroscopicPerCm(double kGeV)
    {
        double s = 0;
        foreach (var e in _elements) s += e.AtomsPerCm3 * MuonPairCrossSection.TotalCm2(kGeV, e.Z, e.A);
        return s;
    }

    /// <summary>dn_μμ/dk per GeV: T_γ(k) X0 Σ n_i σ_i(k).</summary>
    public double DensityPerGeV(double kGeV) =>
        kGeV > _kMin && kGeV <= BeamGeV ? TrackLengthX0PerGeV(kGeV) * RadiationLengthCm * MacroscopicPerCm(kGeV) : 0.0;

    /// <summary>Samples the converting photon's energy from T_γ(k)σ(k) and the element it converts on (∝ n_i σ_i(k)).</summary>
    public (double KGeV, AbsorberElement Element) Sample(ref EventRng rng) => SampleLogRange(_kMin, _lnRange, ref rng);

    /// <summary>Samples the converting photon's energy from T_γ(k)σ(k) restricted to [<paramref name="kLowGeV"/>,
    /// <paramref name="kHighGeV"/>] (within the spectrum's range), and the element it converts on.</summary>
    public (double KGeV, AbsorberElement Element) Sample(double kLowGeV, double kHighGeV, ref EventRng rng)
    {
        if (!(kLowGeV >= _kMin) || !(kHighGeV > kLowGeV) || !(kHighGeV <= BeamGeV))
            throw new ArgumentOutOfRangeException(nameof(kLowGeV), $"[{kLowGeV}, {kHighGeV}] GeV must lie inside the spectrum's [{_kMin}, {BeamGeV}] GeV");
        return SampleLogRange(kLowGeV, Math.Log(kHighGeV / kLowGeV), ref rng);
    }

    private (double KGeV, AbsorberElement Element) SampleLogRange(double kLow, double lnRange, ref EventRng rng)
    {
        while (true)
        {
            // Proposal ∝ 1/k on [k_low, k_high]; target ∝ σ(k)/k² ⇒ acceptance ∝ σ(k)/k (the bound is the whole range's).
            double k = kLow * Math.Exp(lnRange * rng.NextDouble());
            double f = SigmaOverK(k);
            if (f > _bound) throw new InvalidOperationException($"dimuon photon sampling bound exceeded at k = {k} GeV");
            if (rng.NextDouble() * _bound >= f) continue;
            double pick = rng.NextDouble() * MacroscopicPerCm(k);
            foreach (var e in _elements)
            {
                pick -= e.AtomsPerCm3 * MuonPairCrossSection.TotalCm2(k, e.Z, e.A);
                if (pick < 0) return (k, e);
            }
            return (k, _elements[^1]);
        }
    }

    private double SigmaOverK(double kGeV) => MacroscopicPerCm(kGeV) / kGeV;
}
