namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>Per-element constants of Tsai's bremsstrahlung and pair formulas (RMP 46, 815, eqs. 3.9, 3.38).</summary>
/// <param name="Z">Atomic number.</param>
/// <param name="LnZ">ln Z.</param>
/// <param name="CoulombF">Coulomb correction f(Z).</param>
/// <param name="Z13">Z^{1/3}.</param>
/// <param name="Z23">Z^{2/3}.</param>
public readonly record struct BremsstrahlungElement(int Z, double LnZ, double CoulombF, double Z13, double Z23)
{
    /// <summary>Builds the constants for atomic number <paramref name="z"/>.</summary>
    public static BremsstrahlungElement For(int z) =>
        new(z, Math.Log(z), BremsstrahlungXsCalculator.CoulombCorrection(z), Math.Cbrt(z), Math.Cbrt((double)z * z));
}
