using System.Globalization;
using System.Text;
using Emiss.Core.IO;
using Emiss.Signal.MonteCarloYield;

namespace Emiss.Signal.Export;

/// <summary>
/// The MC yield table as CSV: provenance as '#' lines, then the header
/// mA_MeV,n_per_eot_eps1,stat_err,brem,annihilation,weighted_emissions,weighted_emissions_err,analytic_track_length,mc_over_analytic_brem,bias_factor,events
/// (n per electron on target at ε = 1 for E_A′ &gt; E_cut; multiply by ε²), preceded by '#' lines that define the
/// columns (<see cref="Definitions"/>). Numbers use the invariant culture, "R", so a value written here and in a
/// signal sample's metadata from the same double is the same string.
/// </summary>
public static class YieldTableCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "mA_MeV,n_per_eot_eps1,stat_err,brem,annihilation,weighted_emissions,weighted_emissions_err,analytic_track_length,mc_over_analytic_brem,bias_factor,events";

    /// <summary>What each number of a row is (estimator, passes, N), written as comment lines above the header.</summary>
    public static IReadOnlyList<string> Definitions { get; } =
    [
        "n_per_eot_eps1 +- stat_err: track-length estimator (docs/physics/aprime-emission.md#yield-estimator) of the unbiased yield pass, mean over its `events` electrons and standard error; brem + annihilation parts",
        "weighted_emissions +- weighted_emissions_err: sum of emission weights / `events` of the biased pass (an independent estimate of the same yield); " +
            "the Parquet sample's sum(weight_per_eot_eps1) / simulated_electrons when that sample is the biased pass",
        "analytic_track_length: primary-electron Tsai T1 yield in Pb; mc_over_analytic_brem = brem / analytic_track_length; bias_factor: the biased pass's B",
    ];

    /// <summary>Formats the table.</summary>
    public static string Format(IEnumerable<SignalYieldPoint> points, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(provenance);
        var sb = new StringBuilder(provenance.ToCommentBlock());
        foreach (string d in Definitions) sb.Append("# ").Append(d).Append('\n');
        sb.Append(Header).Append('\n');
        static string G(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        foreach (SignalYieldPoint p in points)
            sb.Append(G(p.MassMeV)).Append(',').Append(G(p.MonteCarlo)).Append(',').Append(G(p.MonteCarloStatError)).Append(',')
              .Append(G(p.Bremsstrahlung)).Append(',').Append(G(p.Annihilation)).Append(',').Append(G(p.WeightedEmissions)).Append(',')
              .Append(G(p.WeightedEmissionsError)).Append(',').Append(G(p.Analytic)).Append(',').Append(G(p.BremRatio)).Append(',')
              .Append(G(p.BiasFactor)).Append(',').Append(p.Events.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }
}
