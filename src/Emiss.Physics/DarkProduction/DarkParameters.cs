using Emiss.Core.Units;

namespace Emiss.Physics.DarkProduction;

/// <summary>Mass and coupling of the radiated boson; always arguments, never process-wide state.</summary>
/// <param name="Mass">Boson mass.</param>
/// <param name="Epsilon">Coupling ε (g²/4π = ε²α); cross sections scale exactly as ε².</param>
public sealed record DarkParameters(Mass Mass, double Epsilon)
{
    /// <summary>ε².</summary>
    public double EpsilonSquared => Epsilon * Epsilon;
}
