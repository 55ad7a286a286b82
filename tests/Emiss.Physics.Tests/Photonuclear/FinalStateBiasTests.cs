using Emiss.Core.Random;
using Emiss.Physics.Photonuclear;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Photonuclear;

/// <summary>The composition biasing of the γA final state (docs/physics/hadron-biasing.md#final-state-composition): weighted
/// biased samples reproduce the unbiased generator's expectations, and enhance the rare leading-K⁰_L configurations.</summary>
public sealed class FinalStateBiasTests(ITestOutputHelper output)
{
    private const double K = 60;

    /// <summary>Observables of a decayed final state: a K⁰_L with more than 90 % of k; the number of K⁰_L; the energy in
    /// K⁰_L; all charged hadrons softer than 0.3 GeV kinetic (they range out in the ECAL).</summary>
    private static double[] Observables(List<FinalStateParticle> fs)
    {
        double klMax = 0, klSum = 0, chargedMaxT = 0, nKl = 0;
        foreach (FinalStateParticle p in fs)
        {
            if (p.Pdg == 130)
            {
                klMax = Math.Max(klMax, p.E);
                klSum += p.E;
                nKl++;
            }
            else if (p.Pdg is 211 or -211 or 321 or -321 or 2212)
                chargedMaxT = Math.Max(chargedMaxT, p.E - PhotonuclearFinalState.MassOf(Math.Abs(p.Pdg)));
        }
        return [klMax > 0.9 * K ? 1 : 0, nKl, klSum, chargedMaxT < 0.3 ? 1 : 0, klMax > 0.9 * K && chargedMaxT < 0.3 ? 1 : 0];
    }

    private static (double[] Mean, double[] Error) Sample(FinalStateBias? bias, int events, ulong seed)
    {
        var gen = new PhotonuclearFinalState();
        var fs = new List<FinalStateParticle>();
        int m = Observables([]).Length;
        var s = new double[m];
        var s2 = new double[m];
        for (int i = 0; i < events; i++)
        {
            EventRng rng = RngStreams.For(seed, StreamKind.Background, (ulong)i);
            double w = gen.Generate(K, 207.2, 82, bias, ref rng, fs);
            Assert.True(w > 0 && double.IsFinite(w), $"weight {w}");
            double[] o = Observables(fs);
            for (int j = 0; j < m; j++)
            {
                s[j] += w * o[j];
                s2[j] += w * w * o[j] * o[j];
            }
        }
        double[] mean = [.. s.Select(v => v / events)];
        double[] err = [.. s2.Select((v, j) => Math.Sqrt(Math.Max(0, v / events - mean[j] * mean[j]) / events))];
        return (mean, err);
    }

    [Fact]
    public void Weighted_biased_samples_reproduce_the_unbiased_expectations()
    {
        // Independent samples (different seeds): |biased − unbiased| < 4 σ_combined for every observable (4σ: five
        // correlated observables, a false alarm ≲ 3·10⁻⁴).
        const int n = 40000;
        var (mu, eu) = Sample(null, n, 5);
        var (mb, eb) = Sample(FinalStateBias.TowardsLeadingLongKaon, n, 6);
        string[] names = ["P(K⁰_L > 0.9 k)", "⟨N K⁰_L⟩", "⟨E K⁰_L⟩ GeV", "P(charged T < 0.3 GeV)", "P(both)"];
        for (int j = 0; j < names.Length; j++)
        {
            double sigma = Math.Sqrt(eu[j] * eu[j] + eb[j] * eb[j]);
            output.WriteLine($"{names[j]}: unbiased {mu[j]:E4} ± {eu[j]:E2}, biased {mb[j]:E4} ± {eb[j]:E2}");
            Tolerance.Abs(4 * sigma, "4σ of two independent MC samples").AssertClose(mu[j], mb[j], names[j]);
        }
        // The point of the bias: the leading-K⁰_L configuration with soft charged hadrons is estimated far better.
        Assert.True(eb[4] < 0.5 * eu[4] || mu[4] == 0, $"biased error {eb[4]:E2} vs unbiased {eu[4]:E2} on P(both)");
    }

    [Fact]
    public void Without_bias_the_generator_is_unchanged()
    {
        var gen = new PhotonuclearFinalState();
        var a = new List<FinalStateParticle>();
        var b = new List<FinalStateParticle>();
        for (ulong i = 0; i < 200; i++)
        {
            EventRng r1 = RngStreams.For(8, StreamKind.Background, i), r2 = r1;
            gen.Generate(K, 207.2, 82, ref r1, a);
            Assert.Equal(1.0, gen.Generate(K, 207.2, 82, null, ref r2, b));
            Assert.Equal(a, b);
        }
    }

    [Theory]
    [InlineData(0.0, 0.5, 0.5, 20)]
    [InlineData(1.0, 0.5, 0.5, 20)]
    [InlineData(0.5, 1.0, 0.5, 20)]
    [InlineData(0.5, 0.5, -0.1, 20)]
    [InlineData(0.5, 0.5, 0.5, 0.5)]
    public void Parameters_out_of_range_are_refused(double longKaon, double leading, double hard, double exponent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinalStateBias(longKaon, leading, hard, exponent).Validated());
}
