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
        var s = new double[cuts.Length + 1];
        var s2 = new double[cuts.Length + 1];
        for (int i = 0; i < n; i++)
        {
            EventRng rng = RngStreams.For(4, StreamKind.Background, (ulong)i);
            (double u, double w) = Flight.Sample(ref rng);
            Assert.InRange(w, 0, 1 / (1 - Flight.Probability));
            s[0] += w;
            s2[0] += w * w;
            for (int j = 0; j < cuts.Length; j++)
            {
                if (u <= cuts[j]) continue;
                s[j + 1] += w;
                s2[j + 1] += w * w;
            }
        }
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
}
