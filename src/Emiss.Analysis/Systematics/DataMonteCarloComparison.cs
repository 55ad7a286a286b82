using System.Globalization;

namespace Emiss.Analysis.Systematics;

/// <summary>
/// The seed's second yield systematic (PRL 118, 011802 (2017), p. 4): "the cross-check between a clean sample of
/// ≃ 5·10³ observed and MC predicted μ⁺μ⁻ events with E_ECAL ≲ 60 GeV was made, resulting in ≃ 15 % difference in the
/// dimuon yield". A′ and dimuon production share the Pb form factor at similar q², so the dimuon data/MC difference
/// bounds the accuracy of the A′ yield. Here: events observed in a benchmark selection against the method-1 Monte Carlo
/// expectation of every source in the same selection (the dimuon source dominates it).
/// </summary>
public static class DataMonteCarloComparison
{
    /// <summary>Component name in <c>systematics.csv</c>.</summary>
    public const string Name = "dimuon-benchmark";

    /// <summary>
    /// δ = N_data/μ − 1 and its statistical error σ = √(μ + σ_MC²)/μ: Poisson fluctuation of the count about the
    /// expectation μ (defined also when N_data = 0) and the Monte Carlo error σ_MC of μ; the value is
    /// <see cref="SystematicsCombination.ExcessOverStatistics"/>(δ, σ).
    /// </summary>
    /// <param name="observed">Events in the benchmark selection in the data.</param>
    /// <param name="expected">Monte Carlo expectation μ in the same selection for the data's EOT.</param>
    /// <param name="expectedStatError">Statistical error of <paramref name="expected"/>.</param>
    /// <param name="dimuonFraction">Share of μ that the dimuon source contributes (stated in the definition).</param>
    /// <param name="selection">The selection in words.</param>
    public static SystematicComponent Component(long observed, double expected, double expectedStatError, double dimuonFraction, string selection)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        if (!(expected > 0) || double.IsInfinity(expected))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the Monte Carlo predicts {expected} events in the dimuon benchmark; no comparison is possible (raise --estimate-events or --eot-scale)"), nameof(expected));
        if (!(expectedStatError >= 0)) throw new ArgumentOutOfRangeException(nameof(expectedStatError), expectedStatError, "must be ≥ 0");
        double diff = observed / expected - 1;
        double stat = Math.Sqrt(expected + expectedStatError * expectedStatError) / expected;
        return new SystematicComponent(Name, SystematicsCombination.ExcessOverStatistics(diff, stat), diff, stat, string.Create(CultureInfo.InvariantCulture,
            $"dimuon benchmark ({selection}): {observed} events in the data vs {expected:G4} ± {expectedStatError:G2} from the method-1 Monte Carlo " +
            $"({dimuonFraction:P1} dimuon source); δ = N/μ − 1, σ = √(μ + σ_MC²)/μ, value √max(0, δ² − σ²); on pseudo-data generated from the same " +
            $"model this tests consistency and statistics, not the physics of the dimuon yield; seed: ≃ 15 % with ≃ 5·10³ events"));
    }
}
