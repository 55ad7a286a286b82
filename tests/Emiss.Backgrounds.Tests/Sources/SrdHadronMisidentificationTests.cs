using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Tests.Biasing;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.Sources;

/// <summary>
/// The SRD's hadron misidentification as it emerges from the detector pipeline: beam π⁻ pushed through the beam line
/// (δ rays from its material), the SRD's response and electronics, and the loose SRD cut and cut (ii) of the seed's
/// cut card, against the seed's suppression (PRL 118, 011802: hadrons are suppressed "by a factor ≃ 10³", i.e. a
/// beam π⁻ passes with P ≈ 10⁻³). Pile-up is off: an in-time pile-up electron is a real electron in the SRD, not a
/// misidentified hadron (it is simulated with every pseudo-data event and reported apart in
/// docs/physics/synchrotron-radiation.md#tuning-to-the-seeds-suppression).
/// BGO: P = P_tag·A_tag + (1 − P_tag)·A_none, A_tag from the pion-srd-fake source's own process (the pseudo-data code
/// path, conditioned on the SRD fake-tag class), A_none from pions without any candidate (card probability 0; the BGO
/// noise tail at 3 MeV is Q(10) = 7.6·10⁻²⁴, so P_tag = P_knock and A_none is the pass fraction outside the class).
/// PbSc: the class includes the noise-only tags, checked against brute-force unforced pions.
/// </summary>
public sealed class SrdHadronMisidentificationTests(ITestOutputHelper output)
{
    /// <summary>The seed's acceptance of a beam hadron by the SRD selection: 1/10³.</summary>
    private const double SeedAcceptance = 1e-3;

    /// <summary>Relative statistical error of the tuning run that fixed <see cref="SrdOptions.SeedTunedHadronKnockOnProbability"/>
    /// (BGO card, seed 1, 100 000 forced events: A_forced = 0.4245 ± 0.0016).</summary>
    private const double TuningRelativeError = 0.0016 / 0.4245;

    private readonly record struct Emergent(double P, double Error, double Forced, double None, double KnockOn);

    private static readonly SelectionCuts Cuts = SeedCuts.Na64_2016();

    /// <summary>Loose SRD cut and cut (ii) of the seed's cut card, on the SRD columns alone.</summary>
    private static bool PassesSrd(SelectionColumns c, CutStage _, int r)
    {
        double e = c.SrdEnergyMeV[r], t = Math.Abs(c.SrdTimeNs[r]);
        return e >= Cuts.LooseSrd.MinMeV && t < Cuts.LooseSrd.TimeWindowNs && e >= Cuts.Srd.MinMeV && e <= Cuts.Srd.MaxMeV && t < Cuts.Srd.TimeWindowNs;
    }

    private static SetupCard NoPileUp(string preset)
    {
        SetupCard c = SetupPresets.ByName(preset);
        return c with { PileUp = c.PileUp with { Enabled = false } };
    }

    private static Emergent Measure(SetupCard card, ulong seed, int forced, int none)
    {
        var model = new DetectorModel(card, seed);
        var source = new BeamHadronSrdFakeSource(DetectorSpecies.PionMinus);
        WeightedSum f = WeightedSum.Estimate(model, () => source.CreateProcess(model, false), 0, forced, Cuts, [PassesSrd])[0];
        var bare = new DetectorModel(card with { Srd = card.Srd with { HadronKnockOnProbability = 0 } }, seed);
        WeightedSum n = WeightedSum.Estimate(bare, () => new PlainPion(), 0, none, Cuts, [PassesSrd])[0];
        double pk = model.SrdFakeTag.Probability;
        // A class with no pass still has an error of one event in its sample (a 1σ-like upper error).
        double en = Math.Max(n.Error, n.Hits == 0 ? 1.0 / none : 0);
        return new Emergent(pk * f.Mean + (1 - pk) * n.Mean, Math.Sqrt(pk * pk * f.Error * f.Error + en * en), f.Mean, n.Mean, pk);
    }

    [Fact]
    public void Beam_pions_pass_the_srd_selection_with_the_seeds_probability()
    {
        // BGO run: its SRD noise (0.3 MeV) is 10σ below cut (ii), so the δ rays are the whole mis-tag.
        Emergent m = Measure(NoPileUp(SetupPresets.Na64_2016_Bgo), 2, 40_000, 50_000);
        output.WriteLine($"BGO: P_knock {m.KnockOn:E3}, A_forced {m.Forced:F4}, A_none {m.None:E2}; P(pass) = {m.P:E4} ± {m.Error:E2} (seed {SeedAcceptance:E1})");
        // The card value was tuned on another seed to give 10⁻³: what may differ is this run's and the tuning run's statistics.
        double tol = 4 * Math.Sqrt(m.Error * m.Error + Math.Pow(TuningRelativeError * SeedAcceptance, 2));
        Tolerance.Abs(tol, "4σ of this run's and the tuning run's statistics").AssertClose(SeedAcceptance, m.P, "P(beam π⁻ passes loose SRD ∧ (ii)), BGO");
    }

    [Fact]
    public void Forced_knock_on_class_counts_each_tagged_pion_once()
    {
        // Rate × acceptance of the forced class must equal what unforced pions give: the natural transport draws each
        // plane's Poisson number of candidates, the forced one conditions on at least one and multiplies by P_knock.
        SetupCard card = NoPileUp(SetupPresets.Na64_2016_Bgo);
        Emergent m = Measure(card, 4, 20_000, 20_000);
        var model = new DetectorModel(card, 4);
        const int n = 120_000;
        WeightedSum natural = WeightedSum.Estimate(model, () => new PlainPion(), 1_000_000, n, Cuts, [PassesSrd])[0];
        output.WriteLine($"unforced pions: {natural.Hits}/{n} = {natural.Mean:E3} ± {natural.Error:E2}; forced decomposition {m.P:E3} ± {m.Error:E2}");
        Tolerance.Abs(4 * Math.Sqrt(natural.Error * natural.Error + m.Error * m.Error), "4σ of both estimates")
            .AssertClose(m.P, natural.Mean, "P(pass) unforced vs forced");
    }

    [Fact]
    public void PbSc_sources_fake_tag_class_holds_every_tagged_pion_and_pins_the_suppression_miss()
    {
        // PbSc run: 1 MeV of SRD noise puts cut (ii)'s 3 MeV at 3σ, so pions without any δ ray pass with the Gaussian tail
        // Q(3) = 1.35·10⁻³; the sources' tag class holds both parts (SrdFakeTag), so rate × acceptance of the
        // pion-srd-fake source (the pseudo-data code path) must equal what brute-force unforced pions give.
        SetupCard card = NoPileUp(SetupPresets.Na64_2016_PbSc);
        var model = new DetectorModel(card, 2);
        var source = new BeamHadronSrdFakeSource(DetectorSpecies.PionMinus);
        const int forced = 40_000, natural = 150_000;
        WeightedSum f = WeightedSum.Estimate(model, () => source.CreateProcess(model, false), 0, forced, Cuts, [PassesSrd])[0];
        double pTag = model.SrdFakeTag.Probability;
        double p = pTag * f.Mean, ep = pTag * f.Error;
        WeightedSum n = WeightedSum.Estimate(model, () => new PlainPion(), 1_000_000, natural, Cuts, [PassesSrd])[0];
        output.WriteLine($"PbSc: P(tag) {pTag:E4} = {model.SrdFakeTag.KnockOnProbability:E3} knock-on + {model.SrdFakeTag.NoiseOnlyProbability:E3} noise only; " +
                         $"A_tag {f.Mean:F4}; P(pass) sources {p:E4} ± {ep:E2}; unforced pions {n.Hits}/{natural} = {n.Mean:E4} ± {n.Error:E2}");
        Tolerance.Abs(4 * Math.Sqrt(ep * ep + n.Error * n.Error), "4σ of both estimates")
            .AssertClose(n.Mean, p, "P(pass) sources' tag class vs unforced pions, PbSc");
        KnownDiscrepancy.Pin(output, "P(beam π⁻ passes loose SRD ∧ (ii)), PbSc card, no pile-up", p,
            new GoldValue(2.1998e-3, 4 * 9.1e-6, "gold value: this test, seed 2, 40 000 pion-srd-fake events × P(tag) (A_tag 0.5935), 2026-12-03 (±9.1e-6 statistical); tolerance 4σ"),
            new PhysicsTarget(SeedAcceptance, 1e-4, "PRL 118, 011802: hadron suppression ≃ 10³; band 4σ of the BGO validation's statistics"),
            "the PbSc SRD noise (1 MeV, [assumed]) is a third of cut (ii)'s 3 MeV, so 1.35·10⁻³ of all pions pass on noise alone; the sources now generate that class (docs/physics/synchrotron-radiation.md#the-fake-tag-class)");
    }

    private sealed class PlainPion : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.BeamPion;

        public DetectorSpecies Primary => DetectorSpecies.PionMinus;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng) => 1.0;
    }
}
