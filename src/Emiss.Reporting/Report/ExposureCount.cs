namespace Emiss.Reporting.Report;

/// <summary>The EOT of one run counted as the seed counts it — reference (prescaled, randomly triggered) beam events
/// corrected for the prescale, dead time and electron identification — beside the true EOT of the pseudo-data.</summary>
/// <param name="Run">Run name.</param>
/// <param name="CountedEot">EOT counted from the reference events.</param>
/// <param name="StatError">Statistical error of <paramref name="CountedEot"/>.</param>
/// <param name="LiveEot">Counted EOT times the DAQ live fraction: the limit's normalisation.</param>
/// <param name="TrueEot">Electrons on target generated (known only in simulation).</param>
public sealed record ExposureCount(string Run, double CountedEot, double StatError, double LiveEot, double TrueEot)
{
    /// <summary>(counted − true)/σ.</summary>
    public double Pull => StatError > 0 ? (CountedEot - TrueEot) / StatError : 0;
}
