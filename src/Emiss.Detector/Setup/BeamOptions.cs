using System.Text.Json.Serialization;

namespace Emiss.Detector.Setup;

/// <summary>
/// The H4 beam as it arrives at S1 (seed: 100 GeV e⁻, 4.8 s spills; 1.4·10⁶ e⁻/spill for the PbSc-SRD
/// run, 0.3·10⁶ for the BGO run). Momentum spread, divergence and spot size are [assumed] (not in the seed).
/// </summary>
public sealed record BeamOptions
{
    /// <summary>Nominal beam momentum, GeV (seed: 100).</summary>
    public double EnergyGeV { get; init; } = 100.0;

    /// <summary>Gaussian relative momentum spread σ_p/p [assumed].</summary>
    public double MomentumSpreadRel { get; init; } = 0.01;

    /// <summary>Gaussian angular divergence per plane at S1, mrad [assumed].</summary>
    public double DivergenceMrad { get; init; } = 0.1;

    /// <summary>Gaussian spot size σ per plane at S1, mm [assumed].</summary>
    public double SpotSigmaMm { get; init; } = 3.0;

    /// <summary>Beam particles per spill (seed: 1.4·10⁶ PbSc run, 0.3·10⁶ BGO run).</summary>
    public double ParticlesPerSpill { get; init; } = 1.4e6;

    /// <summary>Spill length, s (seed: 4.8 s).</summary>
    public double SpillLengthS { get; init; } = 4.8;

    /// <summary>Beam composition (fractions of all beam particles).</summary>
    public BeamCompositionOptions Composition { get; init; } = new();

    /// <summary>Low-energy tail of the beam electrons.</summary>
    public LowEnergyTailOptions LowEnergyTail { get; init; } = new();

    /// <summary>Mean particle rate during the spill, ns⁻¹ (uniform spill structure [assumed]).</summary>
    [JsonIgnore]
    public double RatePerNs => ParticlesPerSpill / (SpillLengthS * 1e9);

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.Positive(EnergyGeV, path + ".energyGeV", errors);
        SetupChecks.InRange(MomentumSpreadRel, 0, 0.2, path + ".momentumSpreadRel", errors);
        SetupChecks.InRange(DivergenceMrad, 0, 10, path + ".divergenceMrad", errors);
        SetupChecks.InRange(SpotSigmaMm, 0, 50, path + ".spotSigmaMm", errors);
        SetupChecks.Positive(ParticlesPerSpill, path + ".particlesPerSpill", errors);
        SetupChecks.Positive(SpillLengthS, path + ".spillLengthS", errors);
        Composition.Validate(path + ".composition", errors);
        LowEnergyTail.Validate(path + ".lowEnergyTail", errors);
    }
}
