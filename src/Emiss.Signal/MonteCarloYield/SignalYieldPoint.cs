namespace Emiss.Signal.MonteCarloYield;

/// <summary>One mass point of a Monte Carlo yield scan (per EOT, ε = 1, E_A′ &gt; E_cut).</summary>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="MonteCarlo">Track-length estimator (A′-strahlung + annihilation when on).</param>
/// <param name="MonteCarloStatError">Its statistical error.</param>
/// <param name="Bremsstrahlung">A′-strahlung part.</param>
/// <param name="Annihilation">Resonant-annihilation part (0 when off).</param>
/// <param name="WeightedEmissions">Weighted count of the biased emissions (independent estimate).</param>
/// <param name="WeightedEmissionsError">Its statistical error.</param>
/// <param name="Analytic">Analytic track-length yield (primary electron, Tsai T₁) for comparison; NaN if not computed.</param>
/// <param name="BiasFactor">Bias factor used.</param>
/// <param name="Events">Simulated electrons.</param>
public sealed record SignalYieldPoint(double MassMeV, double MonteCarlo, double MonteCarloStatError, double Bremsstrahlung, double Annihilation,
    double WeightedEmissions, double WeightedEmissionsError, double Analytic, double BiasFactor, long Events)
{
    /// <summary>MC / analytic A′-strahlung ratio (the analytic yield has no annihilation term).</summary>
    public double BremRatio => Bremsstrahlung / Analytic;
}
