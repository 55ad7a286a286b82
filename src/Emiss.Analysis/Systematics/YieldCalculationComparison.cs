using System.Globalization;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Shower.Geometry;
using Emiss.Signal.MonteCarloYield;
using Emiss.Signal.Run;

namespace Emiss.Analysis.Systematics;

/// <summary>
/// The seed's first yield systematic (PRL 118, 011802 (2017), p. 4: its A′ yield "was checked with calculations of
/// Ref. [55]. The ≃ 10 % discrepancy between these two calculations was accounted for as systematic uncertainty ...
/// due to a possible difference in treatment of the e-m shower development"). Emiss has two independent calculations
/// of n_A′(ε = 1, m) with E_A′ &gt; f·E0: the analytic primary-electron track length in the target material
/// (<see cref="TrackLengthSignalYield"/>, docs/physics/signal-yield-analytic.md) and the shower Monte Carlo, which
/// follows every e± of the shower through the real slab stack (<see cref="MonteCarloYieldScan"/>,
/// docs/physics/aprime-emission.md). They differ exactly in the treatment of the shower, so their relative difference
/// at each mass measures the same thing as the seed's. The value used is the largest per-mass systematic: one number
/// holds for every mass in the limit, as the seed's 10 % does.
/// </summary>
public static class YieldCalculationComparison
{
    /// <summary>Component name in <c>systematics.csv</c>.</summary>
    public const string Name = "yield-calculation";

    /// <summary>Computes both yields at each of <paramref name="massesMeV"/>. <paramref name="monteCarloIsReference"/>:
    /// the limit uses the Monte Carlo yield (differences are relative to it), otherwise the analytic one.</summary>
    public static IReadOnlyList<YieldComparisonPoint> Run(IDarkProductionModel production, Material target, SlabStack geometry, Energy beam,
                                                          double missingEnergyMinFraction, IReadOnlyList<double> massesMeV, long monteCarloEvents,
                                                          ulong seed, int threads, bool monteCarloIsReference)
    {
        ArgumentNullException.ThrowIfNull(production);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(massesMeV);
        if (massesMeV.Count == 0) throw new ArgumentException("need at least one mass", nameof(massesMeV));
        var analytic = new TrackLengthSignalYield(production, target, beam, missingEnergyMinFraction);
        // One shower pass scores every mass (docs/physics/signal-yield.md#multi-mass-scan).
        YieldScanResult mc = MonteCarloYieldScan.Run([.. massesMeV.Select(m => new YieldScanPoint(production, Mass.FromMeV(m)))], geometry, beam,
            monteCarloEvents, seed, missingEnergyMinFraction, threads);
        var points = new List<YieldComparisonPoint>(massesMeV.Count);
        for (int i = 0; i < massesMeV.Count; i++)
        {
            double a = analytic.PerElectronOnTargetAtEps1(Mass.FromMeV(massesMeV[i]));
            points.Add(Compare(massesMeV[i], a, mc.Total[i].Value, mc.Total[i].StatError, monteCarloIsReference));
        }
        return points;
    }

    /// <summary>One mass: the relative difference and its statistical error (the analytic yield has none).</summary>
    public static YieldComparisonPoint Compare(double massMeV, double analytic, double monteCarlo, double monteCarloStatError, bool monteCarloIsReference)
    {
        if (!(analytic > 0) || !(monteCarlo > 0))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"m = {massMeV} MeV: both yields must be > 0 (analytic {analytic}, Monte Carlo {monteCarlo}); raise the Monte Carlo events"));
        double reference = monteCarloIsReference ? monteCarlo : analytic, other = monteCarloIsReference ? analytic : monteCarlo;
        // δ = 1 − other/reference; σ_δ from the Monte Carlo alone: σ_MC/n_A when the analytic yield is the reference,
        // (n_A/n_MC)·σ_MC/n_MC when the Monte Carlo is.
        double diff = 1 - other / reference;
        double stat = monteCarloIsReference ? analytic / monteCarlo * (monteCarloStatError / monteCarlo) : monteCarloStatError / analytic;
        return new YieldComparisonPoint(massMeV, analytic, monteCarlo, monteCarloStatError, diff, stat);
    }

    /// <summary>The component: the largest per-mass systematic, with the observed difference and error of that mass.</summary>
    public static SystematicComponent Component(IReadOnlyList<YieldComparisonPoint> points, string referenceName)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("need at least one mass", nameof(points));
        YieldComparisonPoint worst = points.MaxBy(p => p.Systematic)!;
        if (worst.Systematic == 0) worst = points.MaxBy(p => Math.Abs(p.RelativeDifference))!;
        return new SystematicComponent(Name, worst.Systematic, worst.RelativeDifference, worst.RelativeStatError, string.Create(CultureInfo.InvariantCulture,
            $"analytic primary-electron track-length yield vs shower Monte Carlo yield, relative to the {referenceName} yield the limit uses, at m = " +
            $"{string.Join("/", points.Select(p => p.MassMeV))} MeV; largest √max(0, δ² − σ²) over the masses (at {worst.MassMeV} MeV); seed: ≃ 10 %"));
    }
}
