using Emiss.Core.Random;
using Emiss.Physics.Decays;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Decays;

/// <summary>Decay tables against PDG numbers (docs/physics/decays-in-flight.md#branching-ratios).</summary>
public sealed class DecayTableTests
{
    [Fact]
    public void Branching_ratios_and_lifetimes_are_the_PDG_values()
    {
        // PDG 2024 K± listing: the seven modes modelled.
        double[] k = [0.6355, 0.2066, 0.0559, 0.0176, 0.0507, 0.0335, 1.58e-5];
        Assert.Equal(k, DecayTable.KaonMinus.Channels.Select(c => c.BranchingRatio));
        Tolerance.Abs(1e-12, "sum of the listed PDG modes").AssertClose(0.9998158, DecayTable.KaonMinus.BranchingSum, "Σ BR(K⁻)");
        Tolerance.Abs(1e-12, "two modes are all of π⁻ decays").AssertClose(1.0, DecayTable.PionMinus.BranchingSum, "Σ BR(π⁻)");
        Assert.Equal(1.23e-4, DecayTable.PionMinus.Channels[1].BranchingRatio);
        Assert.Equal(1.0, DecayTable.MuonMinus.BranchingSum);
        Assert.Equal(12.380, DecayTable.KaonMinus.LifetimeNs);
        Assert.Equal(26.033, DecayTable.PionMinus.LifetimeNs);
        Assert.Equal(2196.98, DecayTable.MuonMinus.LifetimeNs);
    }

    [Theory]
    // Decay lengths at 100 GeV and decay probabilities in the 15 m vessel (derived from the PDG lifetimes; quoted to
    // the digits given, so the tolerance is half a unit in the last digit).
    [InlineData(-211, 5592e2, 0.5e2, 2.68e-3, 0.005e-3)]
    [InlineData(-321, 752e2, 0.5e2, 1.98e-2, 0.005e-2)]
    [InlineData(13, 6.23e7, 0.005e7, 2.41e-5, 0.005e-5)]
    public void Decay_lengths_at_100_GeV(int pdg, double lengthCm, double tolLength, double p15m, double tolP)
    {
        DecayTable t = DecayTable.ForParent(pdg);
        Tolerance.Abs(tolLength, "rounding of the quoted length").AssertClose(lengthCm, t.DecayLengthCm(100), $"λ({pdg}) at 100 GeV, cm");
        Tolerance.Abs(tolP, "rounding of the quoted probability").AssertClose(p15m, t.DecayProbability(100, 1500), $"P(decay in 15 m) for {pdg}");
    }

    [Theory]
    // PDG listings' "p" column (MeV/c, rounded to 1 MeV): K→μν 236, K→ππ⁰ 205, K→eν 247, π→μν 30, π→eν 70.
    [InlineData(-321, 0, 236)]
    [InlineData(-321, 1, 205)]
    [InlineData(-321, 6, 247)]
    [InlineData(-211, 0, 30)]
    [InlineData(-211, 1, 70)]
    public void Two_body_momenta_match_the_PDG_p_column(int pdg, int channel, double pMeV)
    {
        DecayChannel c = DecayTable.ForParent(pdg).Channels[channel];
        Tolerance.Abs(0.5, "PDG rounds p to 1 MeV").AssertClose(pMeV, c.TwoBodyMomentumGeV * 1e3, c.Name + " p*, MeV");
    }

    [Fact]
    public void Channels_are_drawn_with_their_branching_ratios()
    {
        DecayTable t = DecayTable.KaonMinus;
        var rng = EventRng.FromSplitMix64(11);
        const int n = 200_000;
        var counts = new int[t.Channels.Length];
        for (int i = 0; i < n; i++) counts[t.Channels.IndexOf(t.SampleChannel(ref rng))]++;
        for (int i = 0; i < counts.Length; i++)
        {
            double p = t.Channels[i].BranchingRatio / t.BranchingSum;
            double sigma = Math.Sqrt(n * p * (1 - p));
            Tolerance.Abs(Math.Max(3 * sigma, 3), "3σ binomial (at least 3 counts for the 1.6e-5 mode)").AssertClose(n * p, counts[i], t.Channels[i].Name + " count");
        }
    }

    [Fact]
    public void Truncated_exponential_decay_point_has_the_exponential_shape()
    {
        // Short decay length so that the exponential is visible over L: λ(π, 0.2 GeV) = 11.2 m; L = 20 m.
        DecayTable t = DecayTable.PionMinus;
        double lambda = t.DecayLengthCm(0.2), length = 2000;
        var rng = EventRng.FromSplitMix64(5);
        var s = new double[50_000];
        for (int i = 0; i < s.Length; i++) s[i] = t.DecayDistanceCm(0.2, length, rng.NextDouble());
        Assert.All(s, v => Assert.InRange(v, 0, length));
        SampledDistribution.AssertMatches(s, SampledDistribution.Linear(0, length, 20), x => Math.Exp(-x / lambda), "decay distance");
    }
}
