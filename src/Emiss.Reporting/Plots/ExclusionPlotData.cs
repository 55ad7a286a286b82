namespace Emiss.Reporting.Plots;

/// <summary>
/// Input of <see cref="ExclusionPlot"/>: the observed coupling limit versus mass, optional expected
/// bands, an optional favoured band and comparison curves. All couplings dimensionless (e.g. ε), masses in MeV.
/// </summary>
/// <param name="Title">Figure title.</param>
/// <param name="MassMeV">Mass grid in MeV (&gt; 0).</param>
/// <param name="Observed">Observed upper limit on the coupling at each mass (&gt; 0; +∞ or NaN points are skipped).</param>
/// <param name="ConfidenceLevel">Confidence level of the limit, e.g. 0.90 (used in labels).</param>
/// <param name="Expected">Expected bands on the same grid, or null.</param>
/// <param name="FavouredBand">A band such as the (g−2)_μ region, or null.</param>
/// <param name="Comparisons">Extra curves, or null.</param>
/// <param name="CouplingSymbol">Y-axis symbol, "ε" by default.</param>
/// <param name="MassLabel">X-axis label, "m(A′) [MeV]" by default.</param>
/// <param name="Caption">Text drawn in the lower right of the data area (e.g. which inputs are given and what the yield is), or null.</param>
/// <param name="ResultSource">Where the observed and expected limits come from, appended to their legend entries (e.g. "this analysis"), or null.</param>
public sealed record ExclusionPlotData(
    string Title,
    double[] MassMeV,
    double[] Observed,
    double ConfidenceLevel = 0.90,
    ExpectedBands? Expected = null,
    CouplingBand? FavouredBand = null,
    IReadOnlyList<ComparisonCurve>? Comparisons = null,
    string CouplingSymbol = "ε",
    string MassLabel = "m(A′) [MeV]",
    string? Caption = null,
    string? ResultSource = null);
