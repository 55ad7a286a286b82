namespace Emiss.Reporting.Report;

/// <summary>One component of the signal-yield systematic, combined in quadrature with the others.</summary>
/// <param name="Name">Component name (e.g. "yield-calculation", "dimuon-benchmark").</param>
/// <param name="Value">Relative uncertainty it contributes.</param>
/// <param name="Definition">How it was obtained, with the seed's value for comparison.</param>
public sealed record SystematicComponent(string Name, double Value, string Definition);
