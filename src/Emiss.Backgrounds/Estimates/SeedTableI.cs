namespace Emiss.Backgrounds.Estimates;

/// <summary>
/// The seed's Table I (NA64, PRL 118, 011802 (2017)): expected background events in the signal box for 2.75·10⁹ EOT,
/// by source, and which Emiss sources belong to each row. "&lt; x" rows are given as their bound.
/// </summary>
public static class SeedTableI
{
    /// <summary>One row: the seed's text, its value, whether the value is an upper bound, the Emiss source names, and
    /// one sentence on what decides Emiss's number and where it differs from the seed's estimate (the note of
    /// <c>table1.csv</c>; docs/physics/pseudo-data.md).</summary>
    public sealed record Row(string Text, double Events, bool IsUpperBound, IReadOnlyList<string> Sources, string Why);

    /// <summary>The rows in the seed's order.</summary>
    public static IReadOnlyList<Row> Rows { get; } =
    [
        new("loss of e⁻ energy due to punch-through γs", 0.001, true, ["punch-through-photon"],
            "the seed gives a bound; a photon that takes the energy must cross the rest of the ECAL and ≈ 30 λ_I of HCAL without interacting, exp(−∫μ dl) ≈ e^−250 with the shower engine's cross sections"),
        new("loss of hadrons from e⁻Z → e⁻ + hadrons", 0.01, true, ["photonuclear"],
            "the seed gives a bound; a photonuclear event reaches the box only when its neutral hadrons cross ≈ 16 λ_I of ECAL and HCAL and its charged ones range out in the ECAL"),
        new("loss or μ → eνν decays of muons from e⁻Z → e⁻Zγ; γ → μ⁺μ⁻", 0.01, true, ["dimuon"],
            "the seed gives a bound; a box event needs a pair that takes ≳ 50 GeV, a soft muon that stops in the ECAL and the hard one decaying before the HCAL"),
        new("e⁻ interactions in the beamline materials", 0.03, false, ["upstream-interaction", "low-energy-tail"],
            "in the 2016 set-up cards no hard bremsstrahlung in the beam line and no low-energy-tail electron can fire the physics trigger: the softened electron misses S3, whose 1.5 cm half-width is assumed (the seed gives none)"),
        new("μ → eνν, π,K → eν, Ke3 decays", 0.03, false, ["decay-in-flight"],
            "decays over the 19.5 m from the last tracker to the ECAL, their daughters through S3 and the SRD; Ke3 dominates; the rate is linear in the beam's K⁻ fraction (7.5·10⁻⁴ in the cards, assumed) and in the SRD fake-tag probability tuned to the seed's 10⁻³"),
        new("pile-up of low energy e⁻ and μ, π,K followed by their decays", 0.05, false, ["pileup-decay"],
            "linear in the low-energy-tail fraction of the beam (10⁻³ in the cards, assumed: the seed gives none), which the seed's row would need near 5·10⁻²"),
        new("μ, π,K interactions in the target", 0.02, false, ["muon-brem-target", "charge-exchange", "pion-srd-fake", "kaon-srd-fake"],
            "muon bremsstrahlung with the muon decaying before the HCAL; quasi-elastic π⁻ charge exchange gives the π⁰ nearly all the energy (never the box); a mis-tagged π⁻ or K⁻ reaches the box only through an inelastic interaction in the ECAL whose leading K⁰_L crosses ≈ 16 λ_I unseen while its charged secondaries range out; the leading-K⁰_L probability rests on an assumed strangeness suppression (0.20–0.30)"),
    ];

    /// <summary>The seed's total: 0.15 ± 0.03 (stat) ± 0.06 (syst).</summary>
    public const double Total = 0.15, TotalStat = 0.03, TotalSyst = 0.06;

    /// <summary>The row a source belongs to, or null.</summary>
    public static Row? RowOf(string source) => Rows.FirstOrDefault(r => r.Sources.Contains(source));
}
