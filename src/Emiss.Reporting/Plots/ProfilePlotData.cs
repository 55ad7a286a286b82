namespace Emiss.Reporting.Plots;

/// <summary>Input of <see cref="ProfilePlot"/>: several series with axis labels (state units in the labels).</summary>
/// <param name="Title">Figure title.</param>
/// <param name="XLabel">X-axis label with units, e.g. "t [X₀]".</param>
/// <param name="YLabel">Y-axis label with units, e.g. "(1/E₀) dE/dt [1/X₀]".</param>
/// <param name="Series">The lines.</param>
/// <param name="LogY">Logarithmic y axis (non-positive points are skipped).</param>
/// <param name="LogX">Logarithmic x axis (non-positive points are skipped).</param>
public sealed record ProfilePlotData(string Title, string XLabel, string YLabel, IReadOnlyList<ProfileSeries> Series, bool LogY = false, bool LogX = false);
