namespace Emiss.Analysis.Systematics;

/// <summary>The two yield calculations at one mass.</summary>
/// <param name="MassMeV">m_A′, MeV.</param>
/// <param name="Analytic">Primary-electron track-length yield n_A′(ε = 1) per EOT.</param>
/// <param name="MonteCarlo">Shower Monte Carlo yield n_A′(ε = 1) per EOT.</param>
/// <param name="MonteCarloStatError">Statistical error of <paramref name="MonteCarlo"/>.</param>
/// <param name="RelativeDifference">(reference − other)/reference with the reference the yield the limit uses.</param>
/// <param name="RelativeStatError">Statistical error of <paramref name="RelativeDifference"/> (from the Monte Carlo).</param>
public sealed record YieldComparisonPoint(double MassMeV, double Analytic, double MonteCarlo, double MonteCarloStatError,
                                          double RelativeDifference, double RelativeStatError)
{
    /// <summary>The systematic this mass assigns: <see cref="SystematicsCombination.ExcessOverStatistics"/>.</summary>
    public double Systematic => SystematicsCombination.ExcessOverStatistics(RelativeDifference, RelativeStatError);
}
