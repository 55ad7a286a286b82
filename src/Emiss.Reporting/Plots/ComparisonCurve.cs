namespace Emiss.Reporting.Plots;

/// <summary>An extra coupling-vs-mass curve drawn dashed for comparison (other production approximation, scalar, another experiment).</summary>
/// <param name="Label">Legend text.</param>
/// <param name="MassMeV">Masses in MeV (&gt; 0).</param>
/// <param name="Coupling">Coupling limit at each mass (&gt; 0).</param>
public sealed record ComparisonCurve(string Label, double[] MassMeV, double[] Coupling);
