namespace Emiss.Analysis.Systematics;

/// <summary>One component of the relative signal-yield systematic.</summary>
/// <param name="Name">Stable name (the <c>component</c> column of <c>systematics.csv</c>).</param>
/// <param name="Value">Relative uncertainty it contributes (≥ 0), the number that enters the quadrature sum.</param>
/// <param name="Observed">The observed relative difference or error it is derived from (signed where a difference).</param>
/// <param name="StatError">Statistical error of <paramref name="Observed"/> (0 when not applicable).</param>
/// <param name="Definition">How the value was obtained, in words, with its inputs.</param>
public sealed record SystematicComponent(string Name, double Value, double Observed, double StatError, string Definition);
