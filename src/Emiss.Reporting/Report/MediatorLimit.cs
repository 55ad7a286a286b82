using Emiss.Reporting.Plots;

namespace Emiss.Reporting.Report;

/// <summary>
/// The limit of one more mediator hypothesis beside the analysis's main one (e.g. the scalar next to the vector A′):
/// same counting model, its own production cross section, efficiency and (g−2)_μ band.
/// </summary>
/// <param name="Mediator">Mediator name (letters, digits, '-' or '_'), e.g. "scalar"; it names the report's keys and section.</param>
/// <param name="Limit">The limit rows, ascending in mass.</param>
/// <param name="FavouredBand">The mediator's (g−2)_μ band, or null when it cannot explain Δa_μ &gt; 0.</param>
/// <param name="GMinus2">The g−2 statement checked on this curve, or null.</param>
/// <param name="Comparisons">Other experiments' limits valid for this mediator (each label says its source).</param>
/// <param name="Caption">Where the curve's inputs come from (shown with the figure), or null.</param>
public sealed record MediatorLimit(
    string Mediator,
    IReadOnlyList<LimitRow> Limit,
    CouplingBand? FavouredBand,
    GMinus2Statement? GMinus2,
    IReadOnlyList<ComparisonCurve> Comparisons,
    string? Caption = null);
