using Emiss.Backgrounds.Biasing;
using Emiss.Core.Random;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Biasing;

/// <summary>The forced-free-flight mixture for first-interaction depths (docs/physics/hadron-biasing.md#first-interaction-depth),
/// against the closed forms of the exponential law.</summary>
public sealed class ForcedFreeFlightTests(ITestOutputHelper output)
{
    /// <summary>The depths PhotonuclearSource.DepthBiasing forces to in the 2016 PbSc set-up (HCAL module fronts, stack end).</summary>
    private static readonly double[] Depths = [1.60, 9.04, 16.47, 23.90, 31.34];

    private static readonly ForcedFreeFlight Flight = new(Depths, 0.5);

    [Fact]
    public void Weighted_depths_reproduce_the_exponential_law()
    {
        // E_q[w] = 1 and E_q[w·1(u > L)] = e^(−L) (the true survival probability), within 4σ of the weighted mean.
        const int n = 200_000;
        double[] cuts = [0.5, 5.0, 16.47, 20.0, 35.0];
        (double[] s, double[] s2) = WeightedSurvival(n, cuts, i =>
        {
            EventRng rng = RngStreams.For(4, StreamKind.Background, (ulong)i);
            (double u, double w) = Flight.Sample(ref rng);
            Assert.InRange(w, 0, 1 / (1 - Flight.Probability));
            return (u, w);
        });
        for (int j = 0; j <= cuts.Length; j++)
        {
            double exact = j == 0 ? 1 : Math.Exp(-cuts[j - 1]);
            double mean = s[j] / n, err = Math.Sqrt(Math.Max(0, s2[j] / n - mean * mean) / n);
            output.WriteLine($"{(j == 0 ? "E[w]" : $"P(u > {cuts[j - 1]})")}: exact {exact:E4}, weighted {mean:E4} ± {err:E2}");
            Tolerance.Abs(4 * err + 1e-15 * exact, "4σ of the weighted mean").AssertClose(exact, mean, "weighted survival");
            // At a forced depth the weight behind it is constant: e^(−L) is estimated to better than 2 % with 2·10⁵ draws.
            if (j > 0 && cuts[j - 1] == Depths[2]) Assert.True(err < 0.02 * exact, $"relative error {err / exact:P2} at L = {cuts[j - 1]}");
        }
    }

    [Fact]
    public void Weight_is_the_density_ratio()
    {
        // q(u) written out independently: (1 − a) e^(−u) + a/J Σ_j e^(−(u − L_j)) [u > L_j].
        double[] l = Depths;
        foreach (double u in new[] { 0.0, 1.0, 1.7, 10.0, 17.0, 30.0, 40.0 })
        {
            double q = 0.5 * Math.Exp(-u) + l.Where(x => u > x).Sum(x => 0.5 / l.Length * Math.Exp(-(u - x)));
            Tolerance.Rel(1e-12, "floating point").AssertClose(Math.Exp(-u) / q, Flight.Weight(u), $"w({u})");
        }
    }

    [Fact]
    public void Bad_parameters_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ForcedFreeFlight([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForcedFreeFlight([2.0, 1.0], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForcedFreeFlight([-1.0], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForcedFreeFlight([1.0], 1.0));
    }
    [Fact]
    public void A_particle_created_inside_the_stack_keeps_its_exponential_law()
    {
        // Created at depth f = 0.8 λ_I (a K⁰_L from a hadron interaction in the ECAL): E_q[w] = 1 and
        // E_q[w·1(v > L)] = e^(−(L − f)) for L beyond f, forcing only to the depths beyond f; and behind the deepest depth
        // the true law with weight 1.
        const int n = 200_000;
        const double from = 0.8;
        double[] cuts = [1.0, 9.04, 16.47, 25.0];
        (double[] s, double[] s2) = WeightedSurvival(n, cuts, i =>
        {
            EventRng rng = RngStreams.For(5, StreamKind.Background, (ulong)i);
            (double v, double w) = Flight.Sample(ref rng, from);
            Assert.True(v >= from, $"depth {v} before the creation point");
            return (v, w);
        });
        for (int j = 0; j <= cuts.Length; j++)
        {
            double exact = j == 0 ? 1 : Math.Exp(-(cuts[j - 1] - from));
            double mean = s[j] / n, err = Math.Sqrt(Math.Max(0, s2[j] / n - mean * mean) / n);
            output.WriteLine($"{(j == 0 ? "E[w]" : $"P(v > {cuts[j - 1]} | created at {from})")}: exact {exact:E4}, weighted {mean:E4} ± {err:E2}");
            Tolerance.Abs(4 * err + 1e-15 * exact, "4σ of the weighted mean").AssertClose(exact, mean, "weighted survival from the creation point");
        }
        // q written out for f = 0.8: the five depths all lie beyond it, so it is the mixture shifted by f.
        foreach (double v in new[] { 0.8, 2.0, 10.0, 20.0, 40.0 })
        {
            double q = 0.5 * Math.Exp(-(v - from)) + Depths.Where(x => v > x).Sum(x => 0.5 / Depths.Length * Math.Exp(-(v - x)));
            Tolerance.Rel(1e-12, "floating point").AssertClose(Math.Exp(-(v - from)) / q, Flight.Weight(v, from), $"w({v} | {from})");
        }
        EventRng last = RngStreams.For(5, StreamKind.Background, 1);
        Assert.Equal(1.0, Flight.Sample(ref last, 40).Weight);
    }

    /// <summary>Σw and Σw² over <paramref name="n"/> draws (index 0), and over those deeper than each of
    /// <paramref name="cuts"/> (index j + 1).</summary>
    private static (double[] Sum, double[] SumSquares) WeightedSurvival(int n, double[] cuts, Func<int, (double Depth, double Weight)> draw)
    {
        var s = new double[cuts.Length + 1];
        var s2 = new double[cuts.Length + 1];
        for (int i = 0; i < n; i++)
        {
            (double u, double w) = draw(i);
            s[0] += w;
            s2[0] += w * w;
            for (int j = 0; j < cuts.Length; j++)
            {
                if (u <= cuts[j]) continue;
                s[j + 1] += w;
                s2[j + 1] += w * w;
            }
        }
        return (s, s2);
    }
}
