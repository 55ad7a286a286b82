namespace Emiss.Reporting.HepData;

/// <summary>A dependent variable of a curve table: a value per point with optional ±1σ/±2σ band edges (absolute, not offsets).</summary>
/// <param name="Name">Variable name, e.g. "epsilon".</param>
/// <param name="Qualifiers">HEPData qualifiers (name, value), e.g. ("EOT", "1e13").</param>
/// <param name="Value">Central values; non-finite ones are written as "-".</param>
/// <param name="Minus1">−1σ edge or null.</param>
/// <param name="Plus1">+1σ edge or null.</param>
/// <param name="Minus2">−2σ edge or null.</param>
/// <param name="Plus2">+2σ edge or null.</param>
public sealed record HepDataCurve(string Name, IReadOnlyList<(string Name, string Value)> Qualifiers, double[] Value,
    double[]? Minus1 = null, double[]? Plus1 = null, double[]? Minus2 = null, double[]? Plus2 = null);
