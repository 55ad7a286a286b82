namespace Emiss.Reporting.Plots;

/// <summary>
/// A band in coupling versus mass (e.g. the muon g−2 favoured region), drawn between
/// <see cref="Lower"/> and <see cref="Upper"/> with an optional central line.
/// </summary>
/// <param name="Label">Legend text, e.g. "(g−2)_μ ±2σ, Δa_μ = (288 ± 80)·10⁻¹¹ (historical)".</param>
/// <param name="MassMeV">Masses in MeV (&gt; 0, increasing).</param>
/// <param name="Lower">Lower coupling edge at each mass (&gt; 0).</param>
/// <param name="Upper">Upper coupling edge at each mass (&gt; 0).</param>
/// <param name="Central">Central coupling line, or null.</param>
public sealed record CouplingBand(string Label, double[] MassMeV, double[] Lower, double[] Upper, double[]? Central = null);
