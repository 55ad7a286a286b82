using Emiss.Stats.Results;

namespace Emiss.Analysis.Limits;

/// <summary>The exclusion at one A′ mass.</summary>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="YieldPerEotEps1">n_A′ per electron on target at ε = 1 in the signal region.</param>
/// <param name="Efficiency">Signal efficiency ε_sig(m).</param>
/// <param name="SignalAtEps1">S₁(m) = Σ_runs n_EOT · ε_sig · n_A′(ε = 1): expected signal events at ε = 1.</param>
/// <param name="Eps90">Observed upper limit on ε (published convention: CLs without systematics).</param>
/// <param name="Eps90WithSystematics">Observed upper limit on ε with the yield systematic (Cousins–Highland).</param>
/// <param name="Expected">Expected ε limits (median, ±1σ, ±2σ) for the background-only hypothesis.</param>
public sealed record ExclusionPoint(
    double MassMeV, double YieldPerEotEps1, double Efficiency, double SignalAtEps1,
    double Eps90, double Eps90WithSystematics, ExpectedLimitBands Expected);
