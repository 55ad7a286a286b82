using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.YieldModels;
using Emiss.Signal.Run;
using Xunit;

namespace Emiss.Signal.Tests.Run;

public sealed class SignalCampaignTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private SignalCampaignSettings Settings(double[] massesMeV, long events, long detectorEvents, int threads) => new()
    {
        Production = fx.Model, MassesMeV = massesMeV, Beam = Energy.FromGeV(100), Events = events, DetectorEvents = detectorEvents,
        // Forced-like biasing (≈ 1 emission per event) so that a handful of detector-mode showers holds signal events.
        Options = new SignalOptions { TargetEmissionProbability = 1.0 }, Seed = 17, Threads = threads,
        YieldGeometry = fx.Lead, DetectorGeometry = fx.Lead,
    };

    private sealed class Recorder : IProgress<SignalCampaignProgress>
    {
        public List<SignalCampaignProgress> Seen { get; } = [];
        public void Report(SignalCampaignProgress value) => Seen.Add(value);
    }

    [Fact]
    public void The_three_passes_run_on_disjoint_event_ranges_of_one_seed()
    {
        // Analog [0, N), biased [N, 2N), detector [2N, 2N + N_det): independent samples, each reproducible alone.
        const long n = 1024, nDet = 16;
        var progress = new Recorder();
        SignalCampaignMass r = Assert.Single(SignalCampaign.Run(Settings([10], n, nDet, threads: 2), progress));
        Assert.Equal(n, r.Analog.Events);
        Assert.Equal(1.0, r.Analog.BiasFactor);
        Assert.Equal(n, r.Biased.Events);
        Assert.NotEmpty(r.Biased.Kept);
        Assert.All(r.Biased.Kept, e => Assert.InRange(e.EventIndex, n, 2 * n - 1));
        Assert.NotNull(r.Detector);
        Assert.Equal(SignalMode.Detector, r.Detector.Mode);
        Assert.Equal(nDet, r.Detector.Events);
        Assert.NotEmpty(r.Detector.Kept);
        Assert.All(r.Detector.Kept, e => Assert.InRange(e.EventIndex, 2 * n, 2 * n + nDet - 1));
        Assert.Same(r.Detector, r.Sample);
        Assert.Equal(
            [SignalCampaignStage.TablesBuilt, SignalCampaignStage.AnalogPassDone, SignalCampaignStage.BiasedPassDone, SignalCampaignStage.DetectorPassDone],
            progress.Seen.Select(p => p.Stage));
    }

    [Fact]
    public void The_yield_row_joins_the_analog_yield_the_biased_cross_check_and_the_primary_electron_yield_in_lead()
    {
        SignalCampaignMass r = Assert.Single(SignalCampaign.Run(Settings([10], 1024, 0, threads: 2)));
        Assert.Null(r.Detector);
        Assert.Same(r.Biased, r.Sample);
        double analytic = new TrackLengthSignalYield(fx.Model, MaterialCatalog.Lead, Energy.FromGeV(100), 0.5).PerElectronOnTargetAtEps1(Mass.FromMeV(10));
        Assert.Equal(analytic, r.Point.Analytic);
        Assert.Equal(r.Analog.Estimator.Value, r.Point.MonteCarlo);
        Assert.Equal(r.Biased.EmissionsTotal.Value, r.Point.WeightedEmissions);
        Assert.Equal(r.Biased.BiasFactor, r.Point.BiasFactor);
        Assert.Equal(1024, r.Point.Events);
    }

    [Fact]
    public void Campaign_results_do_not_depend_on_the_thread_count()
    {
        SignalCampaignMass[] one = [.. SignalCampaign.Run(Settings([10, 100], 1024, 0, threads: 1))];
        SignalCampaignMass[] two = [.. SignalCampaign.Run(Settings([10, 100], 1024, 0, threads: 2))];
        Assert.Equal(one.Select(m => m.Point), two.Select(m => m.Point));
        Assert.Equal(one.SelectMany(m => m.Biased.Kept).Select(e => (e.EventIndex, e.Emission)), two.SelectMany(m => m.Biased.Kept).Select(e => (e.EventIndex, e.Emission)));
    }

    [Fact]
    public void Invalid_settings_fail_before_any_mass_runs()
    {
        // E_cut = 50 GeV: a 60 GeV A′ cannot pass the missing-energy cut.
        Assert.Throws<ArgumentException>(() => SignalCampaign.Run(Settings([10, 60_000], 1024, 0, threads: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalCampaign.Run(Settings([10], 0, 0, threads: 1)));
    }
}
