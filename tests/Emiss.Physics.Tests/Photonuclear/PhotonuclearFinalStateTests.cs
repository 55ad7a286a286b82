using Emiss.Core.Random;
using Emiss.Physics.Photonuclear;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Photonuclear;

/// <summary>The γA hadronic final-state generator against the systematics it cites
/// (docs/physics/photonuclear.md#final-state-generator).</summary>
public sealed class PhotonuclearFinalStateTests(ITestOutputHelper output)
{
    private const double ProtonMass = 0.938272, NeutronMass = 0.93956542;

    private static List<List<FinalStateParticle>> Primaries(double k, int events, ulong seed)
    {
        var gen = new PhotonuclearFinalState();
        var all = new List<List<FinalStateParticle>>(events);
        for (int i = 0; i < events; i++)
        {
            var rng = RngStreams.For(seed, StreamKind.Background, (ulong)i);
            var list = new List<FinalStateParticle>();
            gen.GeneratePrimaries(k, 207.2, 82, ref rng, list);
            all.Add(list);
        }
        return all;
    }

    private static bool Charged(int pdg) => pdg is 211 or -211 or 321 or -321 or 2212;

    [Theory]
    [InlineData(30.0)]
    [InlineData(100.0)]
    public void Charged_multiplicity_follows_the_pp_systematics_at_the_same_sqrt_s(double k)
    {
        const int n = 4000;
        var events = Primaries(k, n, 3);
        double[] counts = [.. events.Select(e => (double)e.Count(p => Charged(p.Pdg)))];
        double mean = counts.Average();
        double sd = Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / (n - 1));
        // Target: Thomé et al. (1977) ⟨n_ch⟩(s) and Wróblewski's D = 0.58(⟨n⟩ − 1), averaged over p and n targets of Pb
        // (s differs by the nucleon masses only). Tolerance: 3σ statistical + 3 % for the documented redraw of events
        // without a meson or without phase space (a few % of events at 30 GeV).
        double target = 0, targetD = 0;
        foreach ((double w, double m) in new[] { (82 / 207.2, ProtonMass), (1 - 82 / 207.2, NeutronMass) })
        {
            double t = HadronProductionSystematics.MeanChargedMultiplicity(m * m + 2 * m * k);
            target += w * t;
            targetD += w * HadronProductionSystematics.ChargedDispersion(t);
        }
        output.WriteLine($"k = {k} GeV: ⟨n_ch⟩ = {mean:F3} (target {target:F3}), D = {sd:F3} (target {targetD:F3})");
        Tolerance.Abs(3 * sd / Math.Sqrt(n) + 0.03 * target, "Thomé et al. 1977; 3σ + 3 %").AssertClose(target, mean, "⟨n_ch⟩");
        // D: the p/n mixture adds the parity difference (≤ 0.25 in variance); 3σ of a standard deviation ≈ 3 D/√(2n), + 10 %.
        Tolerance.Abs(3 * sd / Math.Sqrt(2.0 * n) + 0.10 * targetD, "Wróblewski 1973; 3σ + 10 %").AssertClose(targetD, sd, "D(n_ch)");
    }

    [Fact]
    public void Species_fractions_reproduce_the_cited_ratios()
    {
        const int n = 6000;
        var events = Primaries(80, n, 5);
        var all = events.SelectMany(e => e).ToList();
        double piCh = all.Count(p => p.Pdg is 211 or -211), pi0 = all.Count(p => p.Pdg == 111);
        double kCh = all.Count(p => p.Pdg is 321 or -321), kL = all.Count(p => p.Pdg == 130), kS = all.Count(p => p.Pdg == 310);
        output.WriteLine($"π±:π⁰:K±:K⁰L:K⁰S = {piCh}:{pi0}:{kCh}:{kL}:{kS}");
        // K±/π± = 0.08 (Rossi et al. 1975): pairs are kaon pairs with f = 0.08/1.08; σ_R = σ_f/(1 − f)², σ_f binomial.
        double pairs = (piCh + kCh) / 2, f = 0.08 / 1.08;
        double sigR = Math.Sqrt(f * (1 - f) / pairs) / ((1 - f) * (1 - f));
        Tolerance.Abs(3 * sigR, "K±/π± = 0.08, 3σ binomial").AssertClose(0.08, kCh / piCh, "K±/π±");
        // π⁰/π± = 1/2 and K⁰/K± = 1 (isospin): Poisson given the charged count, σ = √N_neutral / N_charged.
        Tolerance.Abs(3 * Math.Sqrt(pi0) / piCh, "π⁰/π± = 1/2, 3σ Poisson").AssertClose(0.5, pi0 / piCh, "π⁰/π±");
        Tolerance.Abs(3 * Math.Sqrt(kL + kS) / kCh, "K⁰/K± = 1, 3σ Poisson").AssertClose(1.0, (kL + kS) / kCh, "(K⁰L + K⁰S)/K±");
        Tolerance.Abs(3 * Math.Sqrt(0.25 / (kL + kS)), "K⁰L share 1/2, 3σ binomial").AssertClose(0.5, kL / (kL + kS), "K⁰L/K⁰");
        // Recoil nucleon: proton with probability Z/A = 0.396.
        double protons = events.Count(e => e[^1].Pdg == 2212);
        Tolerance.Abs(3 * Math.Sqrt(0.396 * 0.604 / n), "Z/A of Pb, 3σ binomial").AssertClose(82 / 207.2, protons / n, "recoil proton share");
    }

    [Fact]
    public void Leading_meson_share_is_flat()
    {
        var gen = new PhotonuclearFinalState();
        var z = new double[8000];
        var list = new List<FinalStateParticle>();
        for (int i = 0; i < z.Length; i++)
        {
            var rng = RngStreams.For(9, StreamKind.Background, (ulong)i);
            gen.GeneratePrimaries(60, 207.2, 82, ref rng, list);
            z[i] = gen.LastLeadingShare;
        }
        // Basile et al. (1981): flat leading-particle spectrum. Events with a single meson (z = 1) are excluded by the edge.
        SampledDistribution.AssertMatches(z, SampledDistribution.Linear(0, 0.999999, 10), _ => 1.0, "leading share z", output);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(50.0)]
    [InlineData(100.0)]
    public void Energy_is_conserved_and_transverse_momentum_balanced_after_decays(double k)
    {
        var gen = new PhotonuclearFinalState();
        var list = new List<FinalStateParticle>();
        double sumPz = 0;
        int unbalanced = 0;
        const int n = 500;
        for (int i = 0; i < n; i++)
        {
            var rng = RngStreams.For(17, StreamKind.Background, (ulong)i);
            gen.Generate(k, 207.2, 82, ref rng, list);
            double e = list.Sum(p => p.E), px = list.Sum(p => p.Px), py = list.Sum(p => p.Py);
            double mN = list[^1].Pdg == 2212 ? ProtonMass : NeutronMass;
            Assert.Equal(k + mN, e, 9);
            // Σ p_T = 0 unless a soft meson's cap and the soft recoil nucleon leave a residual for the nucleus.
            if (Math.Sqrt(px * px + py * py) > 1e-9) unbalanced++;
            Assert.DoesNotContain(list, p => p.Pdg is 111 or 310);
            Assert.All(list, p => Assert.True(p.E >= p.P - 1e-9, $"E = {p.E} < |p| = {p.P}"));
            Assert.All(list.Where(p => p.Pdg == 22), p => Assert.True(Math.Abs(p.E - p.P) < 1e-12 * p.E + 1e-14, $"photon E − |p| = {p.E - p.P}"));
            sumPz += list.Sum(p => p.Pz) / k;
        }
        output.WriteLine($"k = {k} GeV: ⟨Σp_z⟩/k = {sumPz / n:F4}; {unbalanced} of {n} events with the nucleus taking p_T");
        Assert.True(unbalanced < 0.1 * n, $"{unbalanced} of {n} events leave transverse momentum to the nucleus (documented: rare)");
        Assert.InRange(sumPz / n, 0.85, 1.02);
    }

    [Fact]
    public void Neutral_pion_photons_reconstruct_the_pion_mass()
    {
        var rng = RngStreams.For(1, StreamKind.Background, 0);
        double m = 0.1349768, e = 20;
        var pi0 = new FinalStateParticle(111, e, 0.3, -0.1, Math.Sqrt(e * e - m * m - 0.1));
        var list = new List<FinalStateParticle>();
        PhotonuclearFinalState.Decay(pi0, ref rng, list);
        Assert.Equal(2, list.Count);
        double se = list.Sum(p => p.E), sx = list.Sum(p => p.Px), sy = list.Sum(p => p.Py), sz = list.Sum(p => p.Pz);
        Assert.Equal(m, Math.Sqrt(se * se - sx * sx - sy * sy - sz * sz), 9);
        Assert.Equal(e, se, 9);
    }

    [Fact]
    public void Same_stream_gives_identical_events()
    {
        var a = Primaries(70, 20, 4);
        var b = Primaries(70, 20, 4);
        for (int i = 0; i < a.Count; i++) Assert.Equal(a[i], b[i]);
    }
}
