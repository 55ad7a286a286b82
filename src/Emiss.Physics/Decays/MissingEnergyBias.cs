namespace Emiss.Physics.Decays;

/// <summary>
/// Importance sampling of the decay orientation towards large missing energy (docs/physics/decays-in-flight.md#biased-sampling).
/// For a spin-0 (or unpolarised) parent the rest-frame configuration is isotropic, and the lab energy of one daughter
/// is linear in the cosine c of its rest-frame angle to the boost: E_lab = γ(E* + β p* c). With one neutrino the
/// missing energy is E_ν,lab; with two (μ decay) it is E_μ − E_e,lab. The region R of c where the missing energy
/// exceeds <see cref="ThresholdGeV"/> is an interval; c is drawn from g(c) = (1 − a)/2 + a·1_R(c)/|R| with
/// a = <see cref="Mixture"/>, and the event carries the exact weight (1/2)/g(c). Channels without a neutrino are not
/// biased (weight 1).
/// </summary>
/// <param name="ThresholdGeV">Missing-energy threshold, GeV.</param>
/// <param name="Mixture">Share a of the draws forced into the region, in [0, 1).</param>
public readonly record struct MissingEnergyBias(double ThresholdGeV, double Mixture)
{
    /// <summary>No biasing.</summary>
    public static MissingEnergyBias None => new(double.NaN, 0);

    /// <summary>True if the bias changes the sampling.</summary>
    public bool Active => Mixture > 0 && !double.IsNaN(ThresholdGeV);
}
