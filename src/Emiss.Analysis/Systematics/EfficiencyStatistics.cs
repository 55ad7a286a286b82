using System.Globalization;

namespace Emiss.Analysis.Systematics;

/// <summary>
/// The efficiency part of the signal-yield uncertainty that the signal Monte Carlo itself determines: the binomial
/// error of the efficiency at each simulated mass (σ = √(ε(1 − ε)/N) per run, combined over the runs with their EOT
/// weights as in <c>efficiency.csv</c>), relative to the efficiency. The seed's per-factor uncertainties (V2 and HCAL
/// 3 %, trigger 2 %, SRD 3 %, upstream conversions 2 %; PRL 118, 011802 (2017), p. 4) come from data/MC comparisons of
/// each factor on calibration samples, which pseudo-data generated from the same model cannot provide; they are not
/// invented here. The value used is the largest over the masses: one number holds for every mass in the limit.
/// </summary>
public static class EfficiencyStatistics
{
    /// <summary>Component name in <c>systematics.csv</c>.</summary>
    public const string Name = "efficiency-mc-statistics";

    /// <summary>Relative binomial error σ_ε/ε at one mass.</summary>
    public static double Relative(double efficiency, double statError)
    {
        if (!(efficiency > 0 && efficiency <= 1)) throw new ArgumentOutOfRangeException(nameof(efficiency), efficiency, "must be in (0, 1]");
        if (!(statError >= 0) || double.IsInfinity(statError)) throw new ArgumentOutOfRangeException(nameof(statError), statError, "must be finite and ≥ 0");
        return statError / efficiency;
    }

    /// <summary>The component from the per-mass efficiencies and their statistical errors.</summary>
    public static SystematicComponent Component(IReadOnlyList<(double MassMeV, long Events, double Efficiency, double StatError)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("need at least one mass", nameof(points));
        var worst = points.MaxBy(p => Relative(p.Efficiency, p.StatError));
        double value = Relative(worst.Efficiency, worst.StatError);
        return new SystematicComponent(Name, value, value, 0, string.Create(CultureInfo.InvariantCulture,
            $"binomial statistical error of the signal-efficiency Monte Carlo (efficiency.csv, run 'all'), σ_ε/ε largest at m = {worst.MassMeV} MeV " +
            $"(ε = {worst.Efficiency:G4} ± {worst.StatError:G2}, {worst.Events} events); the seed's per-factor data/MC uncertainties (2–3 % each) need calibration data"));
    }
}
