namespace Emiss.Backgrounds.Estimates;

/// <summary>
/// The seed's Table I (NA64, PRL 118, 011802 (2017)): expected background events in the signal box for 2.75·10⁹ EOT,
/// by source, and which Emiss sources belong to each row. "&lt; x" rows are given as their bound.
/// </summary>
public static class SeedTableI
{
    /// <summary>One row: the seed's text, its value, whether the value is an upper bound, and the Emiss source names.</summary>
    public sealed record Row(string Text, double Events, bool IsUpperBound, IReadOnlyList<string> Sources);

    /// <summary>The rows in the seed's order.</summary>
    public static IReadOnlyList<Row> Rows { get; } =
    [
        new("loss of e⁻ energy due to punch-through γs", 0.001, true, ["punch-through-photon"]),
        new("loss of hadrons from e⁻Z → e⁻ + hadrons", 0.01, true, ["photonuclear", "pion-srd-fake", "kaon-srd-fake"]),
        new("loss or μ → eνν decays of muons from e⁻Z → e⁻Zγ; γ → μ⁺μ⁻", 0.01, true, ["dimuon"]),
        new("e⁻ interactions in the beamline materials", 0.03, false, ["upstream-interaction", "low-energy-tail"]),
        new("μ → eνν, π,K → eν, Ke3 decays", 0.03, false, ["decay-in-flight"]),
        new("pile-up of low energy e⁻ and μ, π,K followed by their decays", 0.05, false, ["pileup-decay"]),
        new("μ, π,K interactions in the target", 0.02, false, ["muon-brem-target", "charge-exchange"]),
    ];

    /// <summary>The seed's total: 0.15 ± 0.03 (stat) ± 0.06 (syst).</summary>
    public const double Total = 0.15, TotalStat = 0.03, TotalSyst = 0.06;

    /// <summary>The row a source belongs to, or null.</summary>
    public static Row? RowOf(string source) => Rows.FirstOrDefault(r => r.Sources.Contains(source));
}
