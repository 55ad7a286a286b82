using Emiss.Core.Units;

namespace Emiss.Analysis.Efficiency;

/// <summary>
/// Total signal efficiency ε_sig(m) of the selection (geometric × analysis × vetoes × pile-up).
/// Today it comes from the run card; the Monte Carlo signal samples will provide it later.
/// </summary>
public interface ISignalEfficiency
{
    /// <summary>What the numbers are and where they come from.</summary>
    string Source { get; }

    /// <summary>Efficiency in (0, 1] at A′ mass <paramref name="mass"/>.</summary>
    double At(Mass mass);
}
