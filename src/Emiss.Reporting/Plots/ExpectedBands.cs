namespace Emiss.Reporting.Plots;

/// <summary>Expected-limit bands in coupling at each mass of <see cref="ExclusionPlotData.MassMeV"/>.</summary>
/// <param name="Median">Median expected coupling limit.</param>
/// <param name="Minus1Sigma">−1σ edge (stronger limit).</param>
/// <param name="Plus1Sigma">+1σ edge (weaker limit).</param>
/// <param name="Minus2Sigma">−2σ edge, or null to omit the ±2σ band.</param>
/// <param name="Plus2Sigma">+2σ edge, or null to omit the ±2σ band.</param>
public sealed record ExpectedBands(double[] Median, double[] Minus1Sigma, double[] Plus1Sigma, double[]? Minus2Sigma = null, double[]? Plus2Sigma = null)
{
    /// <summary>
    /// Collects per-mass bands (already in coupling units, e.g. from
    /// <see cref="Emiss.Stats.CouplingLimit.FromSignalScale(Emiss.Stats.Results.ExpectedLimitBands, double)"/>) into arrays.
    /// </summary>
    public static ExpectedBands From(IReadOnlyList<Emiss.Stats.Results.ExpectedLimitBands> perMass)
    {
        ArgumentNullException.ThrowIfNull(perMass);
        return new ExpectedBands(
            perMass.Select(b => b.Median).ToArray(),
            perMass.Select(b => b.Minus1Sigma).ToArray(),
            perMass.Select(b => b.Plus1Sigma).ToArray(),
            perMass.Select(b => b.Minus2Sigma).ToArray(),
            perMass.Select(b => b.Plus2Sigma).ToArray());
    }
}
