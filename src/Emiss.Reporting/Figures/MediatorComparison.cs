namespace Emiss.Reporting.Figures;

/// <summary>
/// Limits on the coupling of the four mediators (vector, scalar, pseudoscalar, axial) on one plot, shared by
/// <c>emiss project</c> (expected medians) and <c>emiss reproduce</c> (observed limits): one curve per mediator in a
/// fixed colour, the (g−2)_μ bands passed in by the caller (only mediators whose one-loop Δa_μ is positive have one).
/// </summary>
public static class MediatorComparison
{
    private static readonly int[] Colours = [OkabeIto.Blue, OkabeIto.Orange, OkabeIto.BluishGreen, OkabeIto.ReddishPurple];

    /// <summary>The figure.</summary>
    /// <param name="curves">Per mediator its label, masses (MeV) and coupling limits, in the order they are drawn.</param>
    /// <param name="bands">Bands drawn under the curves (the g−2 bands), or empty.</param>
    /// <param name="yLabel">Ordinate title (which limit the curves are).</param>
    /// <param name="caption">Inputs, written on the plot.</param>
    public static PublicationFigureData Build(IReadOnlyList<(string Label, double[] MassMeV, double[] Coupling)> curves, IReadOnlyList<FigureBand> bands,
                                              string yLabel, string caption)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(bands);
        if (curves.Count == 0) throw new ArgumentException("nothing to compare", nameof(curves));
        var lines = curves.Select((c, k) => new FigureLine(c.Label, c.MassMeV, c.Coupling, Colours[k % Colours.Length], LineStyle.Dashed)).ToList();
        return new PublicationFigureData("m_A′ (MeV)", yLabel, bands, lines, caption);
    }
}
