using Emiss.Core.Random;
using Emiss.Physics.Photonuclear;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Photonuclear;

/// <summary>The leading neutral kaon of π⁻ and K⁻ interactions (docs/physics/hadron-response.md#leading-neutral-kaon) and the
/// final-state generator with the projectile's charge added.</summary>
public sealed class LeadingNeutralKaonTests
{
    /// <summary>The counting rule done by enumeration: keep either valence (anti)quark with ½, draw the partner's flavour
    /// with weights u : d : s = 1 : 1 : λ_s, and count the neutral kaons (d s̄ or s d̄); half of them are K⁰_L.</summary>
    private static double Enumerated(string valence, double lambdaS)
    {
        (char Flavour, double Weight)[] sea = [('u', 1), ('d', 1), ('s', lambdaS)];
        double total = sea.Sum(f => f.Weight), p = 0;
        foreach (char kept in valence)
        {
            char flavour = char.ToLowerInvariant(kept); // ū written as U: an antiquark pairs with a sea quark
            foreach ((char partner, double w) in sea)
            {
                // A neutral kaon is d s̄ or s d̄: the flavours {d, s}, whichever is the antiquark (ū never makes one).
                bool neutralKaon = (flavour == 'd' && partner == 's') || (flavour == 's' && partner == 'd');
                if (neutralKaon) p += 0.5 * w / total;
            }
        }
        return 0.5 * p;
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.25)]
    [InlineData(0.3)]
    public void Probabilities_follow_the_quark_counting_rule(double lambdaS)
    {
        // π⁻ = d ū, K⁻ = s ū (the ū is written U): only the kept d (π⁻) or s (K⁻) can make a neutral kaon.
        Tolerance.Rel(1e-12, "floating point").AssertClose(Enumerated("dU", lambdaS), LeadingNeutralKaon.LongKaonProbability(-211, lambdaS), "π⁻ → K⁰_L");
        Tolerance.Rel(1e-12, "floating point").AssertClose(Enumerated("sU", lambdaS), LeadingNeutralKaon.LongKaonProbability(-321, lambdaS), "K⁻ → K⁰_L");
    }

    [Fact]
    public void Limits_and_the_default()
    {
        // No strange sea: a π⁻ cannot lead with a kaon, a K⁻ keeps its s and draws a d̄ in half of those cases (¼ K̄⁰, ⅛ K⁰_L).
        Assert.True(LeadingNeutralKaon.LongKaonProbability(-211, 1e-12) < 1e-12);
        Tolerance.Rel(1e-9, "limit λ_s → 0").AssertClose(0.125, LeadingNeutralKaon.LongKaonProbability(-321, 1e-12), "K⁻, λ_s → 0");
        // The default λ_s = 0.25: ½·½·0.25/2.25 = 0.02778 for π⁻, ½·½/2.25 = 0.1111 for K⁻.
        Tolerance.Rel(1e-12, "closed form").AssertClose(0.25 / 9, LeadingNeutralKaon.LongKaonProbability(-211), "π⁻ default");
        Tolerance.Rel(1e-12, "closed form").AssertClose(1.0 / 9, LeadingNeutralKaon.LongKaonProbability(-321), "K⁻ default");
        Assert.Throws<ArgumentOutOfRangeException>(() => LeadingNeutralKaon.LongKaonProbability(211));
        Assert.Throws<ArgumentOutOfRangeException>(() => LeadingNeutralKaon.LongKaonProbability(-211, 0));
    }

    [Fact]
    public void Split_conserves_energy_and_keeps_both_masses()
    {
        const double mK = 0.497611, mPi = 0.13957039;
        foreach (double z in new[] { 0.0, 0.3, 1.0 })
        {
            (double kaon, double rest) = LeadingNeutralKaon.Split(100, mPi, z);
            Tolerance.Abs(1e-12, "floating point").AssertClose(100, kaon + rest, $"energy, z = {z}");
            Assert.True(kaon >= mK && rest >= mPi - 1e-15, $"z = {z}: {kaon}, {rest}");
        }
        Tolerance.Abs(1e-12, "floating point").AssertClose(mPi, LeadingNeutralKaon.Split(100, mPi, 1).RestGeV, "z = 1 leaves the projectile's mass");
        Assert.Throws<ArgumentOutOfRangeException>(() => LeadingNeutralKaon.Split(0.5, mPi, 0.5));
    }

    /// <summary>(charge, strangeness) of the codes used here.</summary>
    private static (int Q, int S) Quantum(int pdg) => pdg switch
    {
        -211 => (-1, 0), 211 => (1, 0), 111 => (0, 0),
        -321 => (-1, -1), 321 => (1, 1),
        311 => (0, 1), -311 => (0, -1),
        _ => throw new ArgumentOutOfRangeException(nameof(pdg)),
    };

    [Theory]
    [InlineData(-211, 311)]   // π⁻ → K⁰ + rest
    [InlineData(-321, -311)]  // K⁻ → K̄⁰ + rest
    public void The_rest_carrier_conserves_charge_and_strangeness(int projectile, int leadingKaon)
    {
        (int q, int s) = Quantum(projectile);
        (int qk, int sk) = Quantum(leadingKaon);
        (int qr, int sr) = Quantum(LeadingNeutralKaon.RestCarrierPdg(projectile));
        Assert.Equal(q, qk + qr);
        Assert.Equal(s, sk + sr);
    }

    [Theory]
    [InlineData(-211)]
    [InlineData(-321)]
    public void The_rest_of_the_final_state_carries_its_charge_and_energy(int carrier)
    {
        // The generator with one extra carrier meson: Σ charge = −1 + (struck proton ? 1 : 0) — the recoil nucleon is the
        // last primary — and Σ E = k + m_N, in every event (the generator's own conservation, with the carrier added).
        var gen = new PhotonuclearFinalState();
        var list = new List<FinalStateParticle>();
        for (int i = 0; i < 2000; i++)
        {
            var rng = RngStreams.For(8, StreamKind.Background, (ulong)i);
            double k = 2 + 48 * (i % 7) / 6.0;
            gen.Generate(k, 207.2, 82, null, carrier, ref rng, list);
            int charge = list.Sum(p => p.Pdg switch { 211 or 321 or 2212 => 1, -211 or -321 => -1, _ => 0 });
            bool proton = list[^1].Pdg == 2212;
            Assert.Equal(proton ? 0 : -1, charge);
            double mN = proton ? 0.938272 : 0.93956542;
            Tolerance.Abs(1e-9 * k, "floating point").AssertClose(k + mN, list.Sum(p => p.E), $"energy, event {i}");
        }
    }
}
