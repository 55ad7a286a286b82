namespace Emiss.Analysis.Systematics;

/// <summary>
/// How the components of the signal-yield systematic combine, as the seed does (PRL 118, 011802 (2017), p. 4: 10 %
/// from two yield calculations and 15 % from the dimuon data/MC comparison give ≃ 19 %): independent relative
/// uncertainties add in quadrature.
/// </summary>
public static class SystematicsCombination
{
    /// <summary>√(Σ vᵢ²) of the components' values.</summary>
    public static double Quadrature(IEnumerable<SystematicComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        double sum = 0;
        foreach (SystematicComponent c in components)
        {
            if (!(c.Value >= 0) || double.IsInfinity(c.Value))
                throw new ArgumentException($"component '{c.Name}' has value {c.Value}; a relative uncertainty must be finite and ≥ 0", nameof(components));
            sum += c.Value * c.Value;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>
    /// The systematic a cross-check assigns when it observes the relative difference <paramref name="difference"/> with
    /// statistical error <paramref name="statError"/>: the part of the difference beyond its statistical spread,
    /// √max(0, δ² − σ²). A check whose difference is consistent with statistics assigns nothing — it is a passed
    /// check, not an uncertainty; the statistical error itself belongs to the statistics, not the systematics
    /// (R. Barlow, "Systematic errors: facts and fictions", arXiv:hep-ex/0207026, sec. 4). For a difference far beyond
    /// its error this is the observed difference, the seed's convention (10 % and 15 %, each with small statistical error).
    /// </summary>
    public static double ExcessOverStatistics(double difference, double statError)
    {
        if (!double.IsFinite(difference)) throw new ArgumentOutOfRangeException(nameof(difference), difference, "must be finite");
        if (!(statError >= 0) || double.IsInfinity(statError)) throw new ArgumentOutOfRangeException(nameof(statError), statError, "must be finite and ≥ 0");
        double excess = difference * difference - statError * statError;
        return excess > 0 ? Math.Sqrt(excess) : 0;
    }
}
