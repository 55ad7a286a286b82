using Emiss.Core.Units;

namespace Emiss.Physics.YieldModels;

/// <summary>
/// Number of bosons emitted with E_X in the signal window (0.5 E0 &lt; E_X &lt; E0 for NA64) per electron on
/// target at ε = 1 (docs/physics/signal-yield.md#master-formula); multiply by ε² for any other coupling. Implemented analytically
/// (<see cref="TrackLengthSignalYield"/>) and by the shower Monte Carlo.
/// </summary>
public interface ISignalYieldModel
{
    /// <summary>Identifies the method and production model (output metadata).</summary>
    string Name { get; }

    /// <summary>n_X(ε = 1, m) per electron on target (dimensionless).</summary>
    double PerElectronOnTargetAtEps1(Mass m);
}
