namespace Emiss.Reporting.Report;

/// <summary>One row of the seed's Table I: expected events in the signal box for 2.75·10⁹ EOT, or an upper bound.</summary>
/// <param name="Row">Which row.</param>
/// <param name="Text">The row's text as printed.</param>
/// <param name="Events">The number printed (the bound where <paramref name="IsUpperBound"/>).</param>
/// <param name="IsUpperBound">True for the rows printed as "&lt; x".</param>
public sealed record SeedBackgroundRow(SeedTableRow Row, string Text, double Events, bool IsUpperBound);

/// <summary>The seed's Table I (PRL 118, 011802 (2017), "Expected numbers of events in the signal box from different
/// background sources estimated for 2.75·10⁹ eot"), transcribed.</summary>
public static class SeedTableOne
{
    /// <summary>EOT the table is given for.</summary>
    public const double ElectronsOnTarget = 2.75e9;

    /// <summary>The printed total.</summary>
    public const double Total = 0.15;

    /// <summary>The rows in the printed order.</summary>
    public static IReadOnlyList<SeedBackgroundRow> Rows { get; } =
    [
        new(SeedTableRow.PunchThroughPhotons, "loss of e⁻ energy due to punch-through γs", 0.001, true),
        new(SeedTableRow.HadronLoss, "loss of hadrons from e⁻Z → e⁻ + hadrons", 0.01, true),
        new(SeedTableRow.DimuonMuonLoss, "loss or μ → eνν decays of muons from e⁻Z → e⁻Zγ; γ → μ⁺μ⁻", 0.01, true),
        new(SeedTableRow.BeamlineInteractions, "e⁻ interactions in the beam-line materials", 0.03, false),
        new(SeedTableRow.Decays, "μ → eνν, π, K → eν, K_e3 decays", 0.03, false),
        new(SeedTableRow.PileUp, "pile-up of low-energy e⁻ and μ, π, K followed by their decays", 0.05, false),
        new(SeedTableRow.TargetInteractions, "μ, π, K interactions in the target", 0.02, false),
    ];
}
