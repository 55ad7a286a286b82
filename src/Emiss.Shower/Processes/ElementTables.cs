using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Processes;

/// <summary>
/// Per-element macroscopic cross sections n_j σ_j(E) of every material, tabulated on the energy grid, with their sum and
/// the choice of the element a collision happens on (∝ n_j σ_j at the collision's energy). Shared by the processes that
/// keep one table per element (photon conversion to e⁺e⁻ and to μ⁺μ⁻).
/// </summary>
public sealed class ElementTables
{
    private readonly double[][][] _tables;   // [material][element] → n_j σ_j on the grid, cm⁻¹
    private readonly EnergyGrid _grid;

    /// <summary>Tabulates <paramref name="crossSectionPerCm"/>(material, element index, E) for every element of every material.</summary>
    public ElementTables(Materials.ShowerMaterialSet materials, EnergyGrid grid, Func<Materials.ShowerMaterial, int, double, double> crossSectionPerCm)
    {
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentNullException.ThrowIfNull(crossSectionPerCm);
        _grid = grid ?? throw new ArgumentNullException(nameof(grid));
        _tables = new double[materials.Count][][];
        for (int m = 0; m < materials.Count; m++)
        {
            Materials.ShowerMaterial mat = materials[m];
            _tables[m] = new double[mat.Z.Length][];
            for (int j = 0; j < mat.Z.Length; j++)
            {
                int jj = j;
                _tables[m][j] = grid.Tabulate(e => crossSectionPerCm(mat, jj, e));
            }
        }
    }

    /// <summary>Σ_j n_j σ_j at ln E = <paramref name="lnE"/> in material <paramref name="material"/>, cm⁻¹.</summary>
    public double Total(int material, double lnE)
    {
        GridPoint at = _grid.Locate(lnE);
        double s = 0.0;
        foreach (double[] t in _tables[material]) s += EnergyGrid.Interpolate(t, at);
        return s;
    }

    /// <summary>The element (index in the material) a collision at ln E = <paramref name="lnE"/> happens on, chosen ∝ n_j σ_j;
    /// no random number is drawn for a one-element material. Each element's table is read once (the same values and sum as
    /// <see cref="Total"/>).</summary>
    public int Choose(int material, double lnE, ref EventRng rng)
    {
        double[][] tabs = _tables[material];
        if (tabs.Length == 1) return 0;
        GridPoint at = _grid.Locate(lnE);
        Span<double> values = tabs.Length <= 16 ? stackalloc double[tabs.Length] : new double[tabs.Length];
        double total = 0.0;
        for (int k = 0; k < tabs.Length; k++) total += values[k] = EnergyGrid.Interpolate(tabs[k], at);
        double u = rng.NextDouble() * total;
        int j = 0;
        for (; j < tabs.Length - 1; j++) { u -= values[j]; if (u < 0) break; }
        return j;
    }
}
