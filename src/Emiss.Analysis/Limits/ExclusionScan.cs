using Emiss.Analysis.Efficiency;
using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Stats;
using Emiss.Stats.Nuisance;
using Emiss.Stats.Results;

namespace Emiss.Analysis.Limits;

/// <summary>
/// The (m_A′, ε) exclusion of a counting search (docs/physics/statistics.md#exclusion-contour): S₁(m) = Σ_runs n_EOT,r ε_sig(m)
/// n_A′(m, ε = 1); since N_A′ = ε² S₁, ε₉₀(m) = sqrt(N₉₀ / S₁(m)).
/// </summary>
public static class ExclusionScan
{
    /// <summary>Runs the scan over <paramref name="massesMeV"/>; masses are evaluated in parallel, results are in input order.</summary>
    public static ExclusionScanResult Run(
        IReadOnlyList<double> massesMeV, ISignalYieldModel yield, ISignalEfficiency efficiency,
        IReadOnlyList<RunExposure> runs, CountingInput counting)
    {
        ArgumentNullException.ThrowIfNull(massesMeV);
        ArgumentNullException.ThrowIfNull(yield);
        ArgumentNullException.ThrowIfNull(efficiency);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(counting);
        double totalEot = runs.Sum(r => r.ElectronsOnTarget);

        // Published convention (PRL 118, 011802): CLs with N90 = 2.3 at n = 0, no systematics folded in.
        UpperLimitResult plain = new CountingLimitCalculator(new CountingModel(counting.ExpectedBackground))
            .Compute(counting.ObservedEvents, counting.ConfidenceLevel);
        // Variant with the yield systematic averaged à la Cousins–Highland (docs/physics/statistics.md#cousins-highland: Gaussian truncated at 0).
        var withSyst = new CountingModel(counting.ExpectedBackground,
            new YieldUncertainty(counting.SignalYieldRelativeUncertainty, YieldSpreadShape.TruncatedGaussian));
        // Only the observed limit is reported with the systematic; its expected bands (≈30 ms of quadrature) would go unused.
        UpperLimitResult syst = new CountingLimitCalculator(withSyst).Compute(counting.ObservedEvents, counting.ConfidenceLevel, withExpected: false);

        var points = new ExclusionPoint[massesMeV.Count];
        Parallel.For(0, massesMeV.Count, i =>
        {
            Mass m = Mass.FromMeV(massesMeV[i]);
            double n = yield.PerElectronOnTargetAtEps1(m);
            double eff = efficiency.At(m);
            // All runs share the efficiency curve here; a per-run efficiency would enter as Σ n_EOT,r ε_r.
            double s1 = totalEot * eff * n;
            points[i] = new ExclusionPoint(massesMeV[i], n, eff, s1,
                CouplingLimit.FromSignalScale(plain.Observed, s1),
                CouplingLimit.FromSignalScale(syst.Observed, s1),
                CouplingLimit.FromSignalScale(plain.Expected!, s1));
        });
        return new ExclusionScanResult(points, plain, syst, yield.Name, efficiency.Source);
    }
}
