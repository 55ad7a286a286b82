using Emiss.Core.Random;
using Emiss.Physics.Decays;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Decays;

/// <summary>Conservation laws and rest-frame spectra of every channel (docs/physics/decays-in-flight.md#kinematics).</summary>
public sealed class DecayKinematicsTests(ITestOutputHelper output)
{
    public static TheoryData<int, int> AllChannels()
    {
        var d = new TheoryData<int, int>();
        foreach (int pdg in new[] { -321, -211, 13 })
            for (int i = 0; i < DecayTable.ForParent(pdg).Channels.Length; i++) d.Add(pdg, i);
        return d;
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void Four_momentum_is_conserved_and_daughters_are_on_shell(int pdg, int channel)
    {
        DecayChannel c = DecayTable.ForParent(pdg).Channels[channel];
        double m = c.ParentMassGeV;
        // A parent off the z axis, to exercise the rotation to its direction.
        var parent = new LorentzVector(Math.Sqrt(30 * 30 + 2 * 2 + 1 + m * m), 2, -1, 30);
        var rng = EventRng.FromSplitMix64(3);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        for (int k = 0; k < 200; k++)
        {
            int n = DecaySampler.Decay(c, parent, ref rng, o);
            LorentzVector sum = default;
            for (int i = 0; i < n; i++)
            {
                sum += o[i].P;
                double mi = DecayParticles.MassGeV(o[i].Pdg);
                Tolerance.Abs(1e-9 * o[i].P.E + 1e-12, "rounding in the boost").AssertClose(mi * mi, o[i].P.E * o[i].P.E - o[i].P.P * o[i].P.P, "m² of " + o[i].Pdg);
            }
            Tolerance.Abs(1e-9, "rounding").AssertClose(parent.E, sum.E, c.Name + " ΣE");
            Tolerance.Abs(1e-9, "rounding").AssertClose(parent.Px, sum.Px, c.Name + " Σpx");
            Tolerance.Abs(1e-9, "rounding").AssertClose(parent.Py, sum.Py, c.Name + " Σpy");
            Tolerance.Abs(1e-9, "rounding").AssertClose(parent.Pz, sum.Pz, c.Name + " Σpz");
            int photons = c.Daughters.Count(d => d == DecayParticles.PionZero) * 2;
            Assert.Equal(c.Daughters.Length + photons / 2, n);
        }
    }

    [Fact]
    public void Two_body_daughters_at_rest_have_momentum_p_star_and_isotropic_directions()
    {
        DecayChannel c = DecayTable.KaonMinus.Channels[0]; // K → μν
        var rng = EventRng.FromSplitMix64(9);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        var cos = new double[40_000];
        for (int k = 0; k < cos.Length; k++)
        {
            DecaySampler.Decay(c, new LorentzVector(c.ParentMassGeV, 0, 0, 0), ref rng, o);
            Tolerance.Rel(1e-12, "exact").AssertClose(c.TwoBodyMomentumGeV, o[0].P.P, "|p_μ|");
            cos[k] = o[0].P.Pz / o[0].P.P;
        }
        SampledDistribution.AssertMatches(cos, SampledDistribution.Linear(-1, 1, 20), _ => 1.0, "cosθ_μ at rest", output);
    }

    [Fact]
    public void Neutral_pion_photons_are_flat_in_energy()
    {
        // K → π⁻π⁰ at rest: π⁰ with p* = 205 MeV; isotropic γγ gives E_γ uniform in [E(1 − β), E(1 + β)]/2.
        DecayChannel c = DecayTable.KaonMinus.Channels[1];
        double p = c.TwoBodyMomentumGeV, m0 = DecayParticles.MassGeV(DecayParticles.PionZero), e = Math.Sqrt(p * p + m0 * m0);
        var rng = EventRng.FromSplitMix64(13);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        var eg = new double[40_000];
        for (int k = 0; k < eg.Length; k++)
        {
            DecaySampler.Decay(c, new LorentzVector(c.ParentMassGeV, 0, 0, 0), ref rng, o);
            Assert.Equal(DecayParticles.Photon, o[1].Pdg);
            eg[k] = o[1].P.E;
        }
        Assert.InRange(eg.Max(), 0.5 * (e + p) * 0.999, 0.5 * (e + p) * (1 + 1e-12)); // kinematic edge reached, never passed
        Assert.InRange(eg.Min(), 0.5 * (e - p) * (1 - 1e-12), 0.5 * (e - p) * 1.01);
        SampledDistribution.AssertMatches(eg, SampledDistribution.Linear(0.5 * (e - p), 0.5 * (e + p), 20), _ => 1.0, "E_γ from π⁰", output);
    }

    [Fact]
    public void Three_pion_decay_follows_phase_space()
    {
        // Uniform Dalitz plot: at fixed E₃ the (1, 2) pair has mass² s = M² + m₃² − 2ME₃ and the allowed E₁ range has
        // width 2 p₃ q*(s)/√s, so dΓ/dE₃ ∝ p₃ q*(s)/√s (q* the two-body momentum of √s → m₁m₂).
        DecayChannel c = DecayTable.KaonMinus.Channels[2]; // π⁻π⁻π⁺; daughter 2 is the π⁺
        double mk = c.ParentMassGeV, mpi = c.DaughterMassesGeV[0];
        double Q(double s) => Math.Sqrt(Math.Max(s * (s - 4 * mpi * mpi), 0)) / (2 * Math.Sqrt(s));
        double Density(double e3)
        {
            double p3 = Math.Sqrt(Math.Max(e3 * e3 - mpi * mpi, 0)), s = mk * mk + mpi * mpi - 2 * mk * e3;
            return s > 4 * mpi * mpi ? p3 * Q(s) / Math.Sqrt(s) : 0;
        }
        var rng = EventRng.FromSplitMix64(17);
        Span<DecayProduct> o = stackalloc DecayProduct[DecaySampler.MaxProducts];
        var e = new double[40_000];
        for (int k = 0; k < e.Length; k++)
        {
            DecaySampler.Decay(c, new LorentzVector(mk, 0, 0, 0), ref rng, o);
            Assert.Equal(DecayParticles.PionPlus, o[2].Pdg);
            e[k] = o[2].P.E;
        }
        double eMax = (mk * mk + mpi * mpi - 4 * mpi * mpi) / (2 * mk);
        SampledDistribution.AssertMatches(e, SampledDistribution.Linear(mpi, eMax, 20), Density, "E(π⁺) in K⁻ → π⁻π⁻π⁺", output);
    }
}
