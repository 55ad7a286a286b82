using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Signal.Tests.Run;

/// <summary>MC yield and its ingredients against docs/physics/signal-yield.md#master-formula, docs/physics/signal-yield-analytic.md#primary-electron-track-length and V14.</summary>
public sealed class YieldValidationTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private const double PbX0Cm = 6.37 / 11.35;

    [Fact]
    public void TrackLengthAboveHalfBeamMatchesV14()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { BiasFactor = 1.0 }, 16_384, 31, threads: 2);
        double totalX0 = r.TrackLengthCmPerEot.Sum() / PbX0Cm;
        // V14: 0.91 X0 (brem + pair only, no LPM) ±7 %; with LPM (on here) "a few % more"; ionisation and the
        // other standard processes change T above 50 GeV negligibly.
        Assert.InRange(totalX0, 0.91 * 0.93, 0.91 * 1.10);
        // V14 differential e⁻ + e⁺ track length near the cut: 1.64e-2 + 2.85e-3 X0/GeV at 50–52.5 GeV; 1.20e-2 + 2.9e-4 at 80–82.5 GeV.
        double Per(double lo, double hi)
        {
            double w = (r.BeamGeV - r.CutGeV) / r.TrackLengthCmPerEot.Count, s = 0;
            for (int i = 0; i < r.TrackLengthCmPerEot.Count; i++)
            {
                double a = r.CutGeV + i * w;
                if (a >= lo - 1e-9 && a + w <= hi + 1e-9) s += r.TrackLengthCmPerEot[i];
            }
            return s / PbX0Cm / (hi - lo);
        }
        var tol = Tolerance.Rel(0.12, "V14 ±7 % plus LPM (few %) plus 2.5 %-stat. of a 2-bin window");
        tol.AssertClose(1.925e-2, Per(50, 52), "T(50–52 GeV) X0/GeV");
        tol.AssertClose(1.229e-2, Per(80, 82), "T(80–82 GeV) X0/GeV");
    }

    /// <summary>
    /// docs/physics/signal-yield-analytic.md#primary-electron-track-length: the analytic yield uses the primary's Tsai track length T₁, which overestimates an
    /// exact-kernel shower by 5–15 % at 50–90 GeV, and ignores secondaries (≈ 10 % of the track above 50 GeV, V14)
    /// and LPM (a few % longer track). MC/analytic is therefore expected in 0.95–1.07; the band allows 3 % more.
    /// </summary>
    [Theory]
    [InlineData(10.0)]
    [InlineData(100.0)]
    public void MonteCarloOverAnalyticYieldInPhysicsBand(double massMeV)
    {
        SignalTables t = massMeV == 10.0 ? fx.Tables10MeV : SignalTables.Build(fx.Model, fx.Lead.Materials, Mass.FromMeV(massMeV), Energy.FromGeV(100));
        SignalRunResult r = SignalRunner.Run(t, fx.Lead, new SignalOptions(), 16_384, 32, threads: 2);
        double analytic = new TrackLengthSignalYield(fx.Model, MaterialCatalog.Lead, Energy.FromGeV(100)).PerElectronOnTargetAtEps1(Mass.FromMeV(massMeV));
        double ratio = r.Estimator.Value / analytic;
        Assert.InRange(ratio, 0.92, 1.10);
        Assert.True(r.Estimator.RelativeError < 0.01, $"estimator rel. error {r.Estimator.RelativeError}");
    }

    /// <summary>
    /// Closed-form check of the E_miss spectrum (issue 5): the weighted E_A′ histogram of the biased emissions equals
    /// Σ_E-bins ℓ(E) n dσ/dE_A′(E) built from the run's own e± track-length histogram and the closed-form IWW dσ/dx.
    /// </summary>
    [Fact]
    public void MissingEnergySpectrumIsTrackLengthConvolvedWithDifferentialCrossSection()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { HistogramBins = 50 }, 32_768, 33, threads: 2);
        ElementComponent pb = MaterialCatalog.Lead.Elements[0];
        double n = MaterialCatalog.Lead.AtomDensityPerCm3(pb);
        var p = new DarkParameters(Mass.FromMeV(10), 1.0);
        const int coarse = 5; // 10 GeV bins of E_A′ over 50–100 GeV
        var mc = new double[coarse];
        var mcErr2 = new double[coarse];
        WeightedHistogram h = r.MissingEnergy;
        for (int i = 0; i < h.Bins; i++)
        {
            double c = h.Center(i);
            if (c < 50) continue;
            int k = Math.Min((int)((c - 50) / 10), coarse - 1);
            mc[k] += h.SumW[i];
            mcErr2[k] += h.SumW2[i];
        }
        var expected = new double[coarse];
        double tw = (r.BeamGeV - r.CutGeV) / r.TrackLengthCmPerEot.Count;
        for (int j = 0; j < r.TrackLengthCmPerEot.Count; j++)
        {
            double e = r.CutGeV + (j + 0.5) * tw;
            for (int k = 0; k < coarse; k++)
            {
                double lo = Math.Max(50 + 10 * k, r.CutGeV), hi = Math.Min(60 + 10 * k, e - 0.51099895e-3);
                if (hi <= lo) continue;
                // ∫ dσ/dE_A′ dE_A′ over the bin = ∫ dσ/dx dx, midpoint rule on 40 panels in ln(1 − x).
                double wLo = Math.Log(1 - hi / e), wHi = Math.Log(1 - lo / e), s = 0;
                for (int q = 0; q < 40; q++)
                {
                    double w = wLo + (wHi - wLo) * (q + 0.5) / 40, x = 1 - Math.Exp(w);
                    s += fx.Model.DifferentialCrossSectionCm2(pb, e, x, p) * Math.Exp(w);
                }
                expected[k] += r.TrackLengthCmPerEot[j] * n * s * (wHi - wLo) / 40;
            }
        }
        for (int k = 0; k < coarse; k++)
        {
            double sigma = Math.Sqrt(mcErr2[k]) / r.Events;
            double got = mc[k] / r.Events;
            Assert.True(Math.Abs(got - expected[k]) < 4 * sigma + 0.04 * expected[k],
                $"E_A′ bin {50 + 10 * k}–{60 + 10 * k} GeV: MC {got:E4} ± {sigma:E2}, track length ⊗ dσ/dx {expected[k]:E4} (4σ + 4 % for 1 GeV track-length bins)");
        }
        // The A′ takes most of the energy: the top bin (90–100 GeV) holds the most.
        Assert.Equal(coarse - 1, Array.IndexOf(mc, mc.Max()));
    }
}
