using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The bootstrap behind the tune's errors (<see cref="ProfileFitBootstrap"/>): on pseudo-engine samples whose spread is
/// known because they can be repeated (drawn GFlash shapes with ΔT = −0.30 X0, Δα = −0.20 on independent streams), the
/// bootstrap's standard deviation from one sample must match the standard deviation of the fitted shifts over independent
/// samples. This checks the procedure; whether the engine's own samples agree is what the study reports
/// (docs/physics/calorimeter-parametrised.md#bootstrap-errors).
/// </summary>
public sealed class ProfileFitBootstrapTests
{
    private const double TrueTmaxShift = -0.30, TrueAlphaShift = -0.20;
    private static readonly double[] Energies = [10.0, 50.0];

    [Fact]
    public void Bootstrap_spread_of_one_sample_matches_the_spread_over_independent_samples()
    {
        // Eight independent samples of 300 showers per energy, fitted on one set of model draws. For 7 dof the sample
        // standard deviation s of the eight fits lies within [0.38, 1.70] σ with 99 % probability (χ² quantiles 0.99 and
        // 20.3); the bootstrap's σ, averaged over the eight samples, is known to a few per cent (100 replicas each).
        (ModelGrid models, int perBin, int layers, double layerX0) = Setup();
        var fits = new List<double[]>();
        var boot = new List<BootstrapResult>();
        for (int k = 0; k < 8; k++)
        {
            var showers = Energies.Select(e => (e, ProfileShiftFit.ShowerFractions(Rows(e, 200 + (ulong)k, layerX0, layers, 300), perBin, models.Bins))).ToList();
            BinFractions[] sample = [.. showers.Select(s => ProfileShiftFit.FromShowers(s.e, s.Item2))];
            double[] estimate = EcalProfileTune.PointEstimate(ProfileShiftFit.FitOn(sample, models));
            fits.Add(estimate);
            boot.Add(ProfileFitBootstrap.Run(showers, ["t", "a"], estimate, e => EcalProfileTune.PointEstimate(ProfileShiftFit.FitOn(e, models)), 100, 7 + (ulong)k, 2));
        }
        for (int p = 0; p < 2; p++)
        {
            double[] v = [.. fits.Select(f => f[p])];
            double m = v.Average(), s = Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
            double sigma = boot.Average(b => b.Parameters[p].StandardDeviation);
            Assert.InRange(s / sigma, 0.38, 1.70);
            // the fits scatter around the truth the samples were drawn with (4σ of the mean of eight)
            Assert.InRange(m, (p == 0 ? TrueTmaxShift : TrueAlphaShift) - 4 * sigma / Math.Sqrt(8) - 0.01, (p == 0 ? TrueTmaxShift : TrueAlphaShift) + 4 * sigma / Math.Sqrt(8) + 0.01);
        }
    }

    [Fact]
    public void Bootstrap_does_not_depend_on_the_thread_count_and_keeps_the_estimate()
    {
        (ModelGrid models, int perBin, int layers, double layerX0) = Setup();
        var showers = Energies.Select(e => (e, ProfileShiftFit.ShowerFractions(Rows(e, 300, layerX0, layers, 200), perBin, models.Bins))).ToList();
        double[] Estimator(IReadOnlyList<BinFractions> e) => EcalProfileTune.PointEstimate(ProfileShiftFit.FitOn(e, models));
        double[] estimate = Estimator([.. showers.Select(s => ProfileShiftFit.FromShowers(s.e, s.Item2))]);
        BootstrapResult one = ProfileFitBootstrap.Run(showers, ["t", "a"], estimate, Estimator, 40, 9, 1);
        BootstrapResult two = ProfileFitBootstrap.Run(showers, ["t", "a"], estimate, Estimator, 40, 9, 2);
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(estimate[0], one["t"]!.Estimate);
        Assert.Null(one["w"]);
        Assert.True(one["a"]!.StandardDeviation > 0);
        BootstrapResult other = ProfileFitBootstrap.Run(showers, ["t", "a"], estimate, Estimator, 40, 10, 2);
        Assert.NotEqual(one["t"]!.Mean, other["t"]!.Mean);
    }

    [Fact]
    public void Resample_draws_rows_of_the_sample_uniformly()
    {
        // 10 rows, 100 000 draws: each row's count is binomial (n = 10⁵, p = 0.1), σ = 95; 5σ bounds.
        double[][] rows = [.. Enumerable.Range(0, 10).Select(i => new double[] { i })];
        var counts = new int[10];
        EventRng rng = RngStreams.For(3, StreamKind.Toys, 0);
        for (int k = 0; k < 10_000; k++)
            foreach (double[] r in ProfileFitBootstrap.Resample(rows, ref rng)) counts[(int)r[0]]++;
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 475, 10_000 + 475));
    }

    private static (ModelGrid Models, int PerBin, int Layers, double LayerX0) Setup()
    {
        (CalorimeterLayout layout, int perBin, int layers, _, double layerX0) = ProfileShiftFitTests.PbScStack();
        return (ProfileShiftFit.ModelsOnGrid(Energies, layout.EcalShowerMedium, layerX0, perBin, layers, ShiftGrid.Default, 3000, 47, 2, false, ProfileShiftFit.Bins),
            perBin, layers, layerX0);
    }

    /// <summary>"Engine" rows: per-layer fractions of shapes drawn with the true shifts on the shower streams of
    /// <paramref name="seed"/> (the models are drawn on the digitization streams of seed 47).</summary>
    private static double[][] Rows(double energyGeV, ulong seed, double layerX0, int layers, int n)
    {
        var layout = new CalorimeterLayout(TestCards.PbSc);
        ShowerMedium truth = layout.EcalShowerMedium with { TmaxShiftX0 = TrueTmaxShift, AlphaShift = TrueAlphaShift };
        var rows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            EventRng r = RngStreams.For(seed, StreamKind.Shower, (ulong)i);
            GammaShape s = EmLongitudinalProfile.Draw(energyGeV, truth, photon: false, ref r);
            rows[i] = [.. Enumerable.Range(0, layers).Select(k => EmLongitudinalProfile.FractionBetween(s, k * layerX0, (k + 1) * layerX0))];
        }
        return rows;
    }
}
