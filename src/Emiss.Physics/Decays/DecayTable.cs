using System.Collections.Immutable;
using Emiss.Core.Constants;
using Emiss.Core.Random;

namespace Emiss.Physics.Decays;

/// <summary>
/// Lifetime and decay modes of a negative beam particle (K⁻, π⁻, μ⁻), with the decay-length formulas. Branching
/// ratios and lifetimes: PDG (S. Navas et al., Phys. Rev. D 110 (2024) 030001), docs/physics/decays-in-flight.md#branching-ratios.
/// The listed K⁻ modes sum to 0.99982 (the rest: radiative and rarer modes); channels are drawn with the listed ratios
/// renormalised to their sum.
/// </summary>
public sealed class DecayTable
{
    /// <summary>K± semileptonic form-factor slopes (PDG K± listings, "K±_ℓ3 form factors"): λ₊ = 0.0297 ± 0.0005
    /// (K_e3, linear); λ₀ = 0.0196 ± 0.0012 (K_μ3); K_μ3 uses the K_e3 λ₊ (lepton universality; its own fit, 0.0296,
    /// agrees).</summary>
    public const double KaonLambdaPlus = 0.0297, KaonLambdaZero = 0.0196;

    private readonly double[] _cumulative;

    private DecayTable(int parentPdg, double lifetimeNs, ImmutableArray<DecayChannel> channels)
    {
        ParentPdg = parentPdg;
        ParentMassGeV = DecayParticles.MassGeV(parentPdg);
        LifetimeNs = lifetimeNs;
        Channels = channels;
        BranchingSum = channels.Sum(c => c.BranchingRatio);
        _cumulative = new double[channels.Length];
        double s = 0;
        for (int i = 0; i < channels.Length; i++) _cumulative[i] = (s += channels[i].BranchingRatio) / BranchingSum;
    }

    /// <summary>K⁻: τ = 12.380 ns; μν 0.6355, π⁻π⁰ 0.2066, π⁻π⁻π⁺ 0.0559, π⁻π⁰π⁰ 0.0176, π⁰e⁻ν̄ 0.0507,
    /// π⁰μ⁻ν̄ 0.0335, e⁻ν̄ 1.58·10⁻⁵.</summary>
    public static DecayTable KaonMinus { get; } = new(-DecayParticles.KaonPlus, 12.380,
    [
        new("K⁻ → μ⁻ ν̄ (Kμ2)", -321, 0.6355, DecayKinematics.TwoBody, [13, -14]),
        new("K⁻ → π⁻ π⁰", -321, 0.2066, DecayKinematics.TwoBody, [-211, 111]),
        new("K⁻ → π⁻ π⁻ π⁺", -321, 0.0559, DecayKinematics.PhaseSpace, [-211, -211, 211]),
        new("K⁻ → π⁻ π⁰ π⁰", -321, 0.0176, DecayKinematics.PhaseSpace, [-211, 111, 111]),
        new("K⁻ → π⁰ e⁻ ν̄ (Ke3)", -321, 0.0507, DecayKinematics.Kl3, [111, 11, -12], KaonLambdaPlus, KaonLambdaZero),
        new("K⁻ → π⁰ μ⁻ ν̄ (Kμ3)", -321, 0.0335, DecayKinematics.Kl3, [111, 13, -14], KaonLambdaPlus, KaonLambdaZero),
        new("K⁻ → e⁻ ν̄ (Ke2)", -321, 1.58e-5, DecayKinematics.TwoBody, [11, -12]),
    ]);

    /// <summary>π⁻: τ = 26.033 ns; μ⁻ν̄ 0.999877, e⁻ν̄ 1.23·10⁻⁴ (absent from Geant4's table).</summary>
    public static DecayTable PionMinus { get; } = new(-DecayParticles.PionPlus, 26.033,
    [
        new("π⁻ → μ⁻ ν̄", -211, 1 - 1.23e-4, DecayKinematics.TwoBody, [13, -14]),
        new("π⁻ → e⁻ ν̄", -211, 1.23e-4, DecayKinematics.TwoBody, [11, -12]),
    ]);

    /// <summary>μ⁻: τ = 2196.98 ns; e⁻ ν̄_e ν_μ (V−A, unpolarised).</summary>
    public static DecayTable MuonMinus { get; } = new(DecayParticles.Muon, 2196.98,
    [
        new("μ⁻ → e⁻ ν̄_e ν_μ", 13, 1.0, DecayKinematics.Michel, [11, -12, 14]),
    ]);

    /// <summary>The table of <paramref name="parentPdg"/> (−321, −211 or 13).</summary>
    public static DecayTable ForParent(int parentPdg) => parentPdg switch
    {
        -321 => KaonMinus,
        -211 => PionMinus,
        13 => MuonMinus,
        _ => throw new ArgumentOutOfRangeException(nameof(parentPdg), parentPdg, "decay tables exist for K⁻ (−321), π⁻ (−211) and μ⁻ (13)"),
    };

    /// <summary>Parent PDG code.</summary>
    public int ParentPdg { get; }

    /// <summary>Parent mass, GeV.</summary>
    public double ParentMassGeV { get; }

    /// <summary>Mean lifetime, ns.</summary>
    public double LifetimeNs { get; }

    /// <summary>cτ, cm.</summary>
    public double CTauCm => LifetimeNs * PhysicalConstants.SpeedOfLightCmPerNs;

    /// <summary>The modes.</summary>
    public ImmutableArray<DecayChannel> Channels { get; }

    /// <summary>Sum of the listed branching ratios.</summary>
    public double BranchingSum { get; }

    /// <summary>Mean decay length λ = (p/m) cτ at momentum <paramref name="momentumGeV"/>, cm.</summary>
    public double DecayLengthCm(double momentumGeV)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(momentumGeV);
        return momentumGeV / ParentMassGeV * CTauCm;
    }

    /// <summary>Probability to decay within <paramref name="lengthCm"/>: 1 − exp(−L/λ).</summary>
    public double DecayProbability(double momentumGeV, double lengthCm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthCm);
        return -double.ExpM1(-lengthCm / DecayLengthCm(momentumGeV));
    }

    /// <summary>Distance to the decay point given that the decay happens within <paramref name="lengthCm"/>: the
    /// exponential truncated at L, by inversion: s = −λ ln(1 − u(1 − e^(−L/λ))), u uniform in [0, 1).</summary>
    public double DecayDistanceCm(double momentumGeV, double lengthCm, double u)
    {
        double lambda = DecayLengthCm(momentumGeV);
        double p = -double.ExpM1(-lengthCm / lambda);
        return Math.Min(-lambda * double.LogP1(-u * p), lengthCm);
    }

    /// <summary>Draws a channel with the (renormalised) branching ratios.</summary>
    public DecayChannel SampleChannel(ref EventRng rng)
    {
        double u = rng.NextDouble();
        for (int i = 0; i < _cumulative.Length - 1; i++)
            if (u < _cumulative[i]) return Channels[i];
        return Channels[^1];
    }
}
