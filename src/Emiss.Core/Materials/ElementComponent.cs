namespace Emiss.Core.Materials;

/// <summary>One element of a material: atomic number, molar mass (g/mol) and mass fraction.</summary>
/// <param name="Symbol">Chemical symbol, e.g. "Pb".</param>
/// <param name="Z">Atomic number.</param>
/// <param name="AGramsPerMol">Molar mass, g/mol.</param>
/// <param name="MassFraction">Mass fraction w_j in the material (fractions sum to 1).</param>
public sealed record ElementComponent(string Symbol, int Z, double AGramsPerMol, double MassFraction);
