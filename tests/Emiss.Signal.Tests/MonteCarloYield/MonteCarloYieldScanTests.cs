using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Shower;
using Emiss.Shower.Transport;
using Emiss.Signal.MonteCarloYield;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;
using Emiss.Testing;
using MathNet.Numerics.Statistics;
using Xunit;

namespace Emiss.Signal.Tests.MonteCarloYield;

/// <summary>The one-pass multi-mass scan (docs/physics/signal-yield.md#multi-mass-scan) against single-mass runs, closed forms and replica spreads.</summary>
public sealed class MonteCarloYieldScanTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private static readonly Energy Beam = Energy.FromGeV(100);

    private YieldScanPoint[] Points(params double[] massesMeV) => [.. massesMeV.Select(m => new YieldScanPoint(fx.Model, Mass.FromMeV(m)))];

    [Fact]
    public void FoldedRatesEqualTheSingleMassTables()
    {
        // The folding table interpolates Σ linearly on 512 τ nodes; Σ is smooth in τ, so the error is ~Δτ²/8 ≈ 4e-5 (YieldScanRates.Nodes).
        YieldScanPoint[] pts = Points(10, 100);
        YieldScanRates rates = YieldScanRates.Build(pts, fx.Lead.Materials, Beam, 0.5);
        DarkBremTable t100 = SignalTables.Build(fx.Model, fx.Lead.Materials, Mass.FromMeV(100), Beam)[0];
        var tol = Tolerance.Rel(2e-4, "linear interpolation on 512 τ nodes (≈ 4e-5) against the 4-point Lagrange σ tables");
        foreach (double e in new[] { 50.0001, 50.004, 50.3, 51.7, 63.2, 88.8, 99.9995 })
        {
            var y = new double[2];
            rates.AddBremsstrahlung(0, e, 1.0, y);
            tol.AssertClose(fx.Tables10MeV[0].MacroscopicPerCmAtEps1(e), y[0], $"Σ(10 MeV, {e} GeV)");
            tol.AssertClose(t100.MacroscopicPerCmAtEps1(e), y[1], $"Σ(100 MeV, {e} GeV)");
        }
        var below = new double[2];
        rates.AddBremsstrahlung(0, 50.0, 1.0, below);
        Assert.Equal([0.0, 0.0], below);
    }

    [Fact]
    public void AgreesWithSingleMassRunsOfTheSameSeed()
    {
        // The single-mass run carries the biased A′ process, so its showers differ from the scan's from the first biased
        // step on: the two estimates are correlated but not equal. Both are unbiased for the same analog yield, so
        // |Δ| < 4 √(σ₁² + σ₂²) (the positive correlation only makes |Δ| smaller), plus the 2e-4 table interpolation.
        double[] masses = [1, 10, 100, 1000];
        YieldScanResult scan = MonteCarloYieldScan.Run(Points(masses), fx.Lead, Beam, 8192, 41, threads: 2);
        for (int p = 0; p < masses.Length; p++)
        {
            SignalTables tables = masses[p] == 10 ? fx.Tables10MeV : SignalTables.Build(fx.Model, fx.Lead.Materials, Mass.FromMeV(masses[p]), Beam);
            SignalRunResult single = SignalRunner.Run(tables, fx.Lead, new SignalOptions(), 8192, 41, threads: 2);
            YieldEstimate a = scan.Total[p], b = single.Estimator;
            double bound = 4 * Math.Sqrt(a.StatError * a.StatError + b.StatError * b.StatError) + 2e-4 * b.Value;
            Assert.True(Math.Abs(a.Value - b.Value) < bound, $"m = {masses[p]} MeV: scan {a.Value:E5} ± {a.StatError:E2}, single-mass {b.Value:E5} ± {b.StatError:E2}");
            Assert.True(a.RelativeError < 0.02, $"m = {masses[p]} MeV: scan rel. error {a.RelativeError}");
        }
    }

    [Theory]
    [InlineData(Mediator.Vector, 10.0)]
    [InlineData(Mediator.Vector, 100.0)]
    [InlineData(Mediator.Scalar, 100.0)]
    public void MonteCarloOverAnalyticYieldInPhysicsBand(Mediator mediator, double massMeV)
    {
        // docs/physics/signal-yield-analytic.md#primary-electron-track-length: the analytic yield folds σ with the primary's Tsai track
        // length T₁ (5–15 % long at 50–90 GeV) and ignores secondaries (≈ 10 % of the track above 50 GeV) and LPM
        // (a few % longer track); MC/analytic lies in 0.95–1.07, the band allows 3 % more (as YieldValidationTests).
        IDarkProductionModel model = DarkProductionModels.Create(mediator, ProductionApproximation.ImprovedWw);
        YieldScanResult scan = MonteCarloYieldScan.Run([new YieldScanPoint(model, Mass.FromMeV(massMeV))], fx.Lead, Beam, 8192, 42, threads: 2);
        double analytic = new TrackLengthSignalYield(model, MaterialCatalog.Lead, Beam).PerElectronOnTargetAtEps1(Mass.FromMeV(massMeV));
        Assert.InRange(scan.Total[0].Value / analytic, 0.92, 1.10);
    }

    [Fact]
    public void StatisticalErrorsAndCorrelationsMatchTheSpreadOfReplicas()
    {
        // 32 independent replicas (seeds 500…531, 512 showers each): the spread of their means must match the errors
        // each reports (χ²₃₁/31 within its 99.9 % interval 0.43–1.88), and the correlation of their means between two
        // masses the correlation each reports (Fisher z, σ_z = 1/√29 = 0.19; 4σ_z).
        double[] masses = [1, 30, 1000];
        YieldScanPoint[] pts = Points(masses);
        YieldScanRates rates = YieldScanRates.Build(pts, fx.Lead.Materials, Beam, 0.5);
        const int replicas = 32;
        var results = new YieldScanResult[replicas];
        for (int r = 0; r < replicas; r++) results[r] = MonteCarloYieldScan.Run(rates, pts, fx.Lead, Beam, 512, (ulong)(500 + r), threads: 2);
        for (int p = 0; p < masses.Length; p++)
        {
            double mean = results.Average(x => x.Total[p].Value);
            double chi2 = results.Sum(x => Math.Pow((x.Total[p].Value - mean) / x.Total[p].StatError, 2)) / (replicas - 1);
            Assert.InRange(chi2, 0.43, 1.88);
        }
        foreach ((int p, int q) in new[] { (0, 1), (0, 2), (1, 2) })
        {
            double reported = results.Average(x => x.Correlation(p, q));
            double observed = Correlation.Pearson([.. results.Select(x => x.Total[p].Value)], [.. results.Select(x => x.Total[q].Value)]);
            Assert.True(Math.Abs(Math.Atanh(observed) - Math.Atanh(reported)) < 4 / Math.Sqrt(replicas - 3),
                $"masses {masses[p]}/{masses[q]} MeV: replica correlation {observed:F3}, reported {reported:F3}");
            Assert.InRange(reported, 0.0, 1.0);
        }
    }

    [Fact]
    public void ResultIsBitIdenticalForAnyThreadCount()
    {
        YieldScanPoint[] pts = Points(1, 10, 100, 300, 1000);
        YieldScanRates rates = YieldScanRates.Build(pts, fx.Lead.Materials, Beam, 0.5);
        YieldScanResult one = MonteCarloYieldScan.Run(rates, pts, fx.Lead, Beam, 1500, 7, threads: 1);
        YieldScanResult two = MonteCarloYieldScan.Run(rates, pts, fx.Lead, Beam, 1500, 7, threads: 2);
        YieldScanResult three = MonteCarloYieldScan.Run(rates, pts, fx.Lead, Beam, 1500, 7, threads: 3);
        foreach (YieldScanResult other in new[] { two, three })
            for (int p = 0; p < pts.Length; p++)
            {
                Assert.Equal(one.Total[p], other.Total[p]);
                for (int q = 0; q < pts.Length; q++) Assert.Equal(one.Covariance(p, q), other.Covariance(p, q));
            }
    }

    [Fact]
    public void ShowerPositronAnnihilationAgreesWithTheSingleMassRun()
    {
        // 250 MeV: E_R = m²/2m_e ≈ 61 GeV lies inside the 50–100 GeV window. Same |Δ| < 4σ criterion as for A′-strahlung.
        Mass m = Mass.FromMeV(250);
        YieldScanResult scan = MonteCarloYieldScan.Run([YieldScanPoint.WithAnnihilation(fx.Model, m, 0.5, 1.0 / 3)], fx.Lead, Beam, 8192, 43, threads: 2);
        SignalRunResult single = SignalRunner.Run(SignalTables.Build(fx.Model, fx.Lead.Materials, m, Beam), fx.Lead,
            new SignalOptions { ResonantAnnihilation = true }, 8192, 43, threads: 2);
        YieldEstimate a = scan.Annihilation[0], b = single.EstimatorAnnihilation;
        Assert.True(a.Value > 0 && b.Value > 0);
        Assert.True(Math.Abs(a.Value - b.Value) < 4 * Math.Sqrt(a.StatError * a.StatError + b.StatError * b.StatError),
            $"annihilation: scan {a.Value:E4} ± {a.StatError:E2}, single-mass {b.Value:E4} ± {b.StatError:E2}");
    }

    [Fact]
    public void WarmedUpScanEventsAllocateNothing()
    {
        YieldScanPoint[] pts = [.. Points(1, 10, 100), YieldScanPoint.WithAnnihilation(null, Mass.FromMeV(250), 0.5, 1.0 / 3)];
        YieldScanRates rates = YieldScanRates.Build(pts, fx.Lead.Materials, Beam, 0.5);
        var transport = new ShowerTransport(new Shower.PhysicsList.ShowerPhysics(fx.Lead, SignalRunner.PhysicsFor(SignalMode.Yield, 50.0)));
        var brem = new double[pts.Length];
        var ann = new double[pts.Length];
        var obs = new YieldScanObserver(rates, brem, ann);
        var sums = new YieldScanSums(pts.Length);
        void Run(int from, int to)
        {
            for (int e = from; e < to; e++)
            {
                Array.Clear(brem);
                Array.Clear(ann);
                EventRng rng = RngStreams.For(1, StreamKind.Signal, (ulong)e);
                transport.RunEvent(ShowerSpecies.Electron, 100.0 - 0.51099895e-3, ref rng, ref obs);
                sums.Add(brem, ann);
            }
        }
        Run(0, 200);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(200, 400);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sums.SumBrem[0] > 0 && sums.SumAnnihilation[3] > 0);
    }
}
