using System.Globalization;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Shower.PhysicsList;
using Emiss.Testing;
using MathNet.Numerics.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The engine's reference sample for the profile tune and its checks (<see cref="EngineLayerProfile"/>): in the tune every energy
/// must be an independent sample, because the fit sums χ² over energies and its bootstrap resamples each energy on its own.
/// </summary>
public sealed class EngineLayerProfileTests(ITestOutputHelper output)
{
    private static readonly SetupCard Card = TestCards.PbSc;

    [Fact]
    public void Energies_drawn_on_their_energy_seeds_are_independent()
    {
        // A photon's conversion depth sets where its whole shower lies. Drawn on one seed, shower i converts at nearly the
        // same depth at every energy: the depth at which the signal reaches 5 % correlates by 0.78 between 1 and 2 GeV
        // photons (this test on seed 31 itself, 200 pairs; 0.70–0.87 between 2, 5, 10 and 100 GeV). Independent samples give
        // a Pearson r of mean 0 and standard deviation 1/√n; the bound is 4 of those.
        const int n = 200;
        double[] depthAt1 = [.. EngineLayerProfile.Sample(Card, 1.0, n, EngineLayerProfile.EnergySeed(31, 1.0), photon: true).Select(DepthOfFivePercent)];
        double[] depthAt2 = [.. EngineLayerProfile.Sample(Card, 2.0, n, EngineLayerProfile.EnergySeed(31, 2.0), photon: true).Select(DepthOfFivePercent)];
        double r = Correlation.Pearson(depthAt1, depthAt2);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"r(depth of 5 % of the signal, 1 GeV vs 2 GeV photons, shower by shower) = {r:F3} over {n} pairs"));
        Tolerance.Abs(4 / Math.Sqrt(n), "4σ of Pearson's r for independent samples").AssertClose(0.0, r, "correlation between the energies' samples");
    }

    [Fact]
    public void The_tune_draws_each_energy_on_its_energy_seed()
    {
        TunePoint[] points = [new(0.5, 4), new(1.0, 3)];
        EcalProfileTuneResult tune = EcalProfileTune.Run(Card, points, 47, 20, ShiftGrid.Default, 2, PhysicsOptions.Standard);
        int perBin = Card.Ecal.PreshowerLayers, bins = ProfileShiftFit.BinsFor(Card.Ecal.Layers, perBin);
        foreach (TunePoint p in points)
        {
            double[][] rows = EngineLayerProfile.Sample(Card, p.EnergyGeV, p.Showers, EngineLayerProfile.EnergySeed(47, p.EnergyGeV));
            BinFractions expected = ProfileShiftFit.FromShowers(p.EnergyGeV, ProfileShiftFit.ShowerFractions(rows, perBin, bins));
            BinFractions used = tune.Engine.Single(e => e.EnergyGeV == p.EnergyGeV);
            Assert.Equal(expected.Fraction, used.Fraction);
        }
    }

    [Fact]
    public void Sample_does_not_depend_on_the_thread_count()
    {
        double[][] one = EngineLayerProfile.Sample(Card, 0.5, 6, 31, threads: 1);
        double[][] two = EngineLayerProfile.Sample(Card, 0.5, 6, 31, threads: 2);
        for (int i = 0; i < one.Length; i++) Assert.Equal(one[i], two[i]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void Energy_seed_rejects_an_impossible_energy(double energyGeV) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineLayerProfile.EnergySeed(31, energyGeV));

    private static double DepthOfFivePercent(double[] layers)
    {
        double total = layers.Sum(), sum = 0;
        for (int k = 0; k < layers.Length; k++)
        {
            sum += layers[k];
            if (sum >= 0.05 * total) return k;
        }
        return layers.Length;
    }
}
