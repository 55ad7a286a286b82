namespace Emiss.Analysis.Projections;

/// <summary>
/// n_A′ per lepton on target at ε = 1 with E_A′ &gt; f E0 on a mass grid, split by process (multiply by ε²).
/// </summary>
/// <param name="Inputs">What fixes the table (its hash names the cache file).</param>
/// <param name="MassMeV">Masses, MeV.</param>
/// <param name="Bremsstrahlung">A′-strahlung part.</param>
/// <param name="Annihilation">Resonant-annihilation part (0 where not included or kinematically closed).</param>
/// <param name="Description">How the numbers were computed, one sentence.</param>
public sealed record YieldTable(YieldTableInputs Inputs, IReadOnlyList<double> MassMeV, IReadOnlyList<double> Bremsstrahlung,
    IReadOnlyList<double> Annihilation, string Description)
{
    /// <summary>The total yield at mass index <paramref name="i"/>.</summary>
    public double Total(int i) => Bremsstrahlung[i] + Annihilation[i];
}
