using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Response;

/// <summary>
/// Birks' saturation of a scintillator's light yield (J. B. Birks, Proc. Phys. Soc. A 64, 874 (1951)):
/// dL/dx ∝ (dE/dx)/(1 + k_B dE/dx), so densely ionising (slow) electrons give less light per unit energy than a minimum
/// ionising particle. The read-out signal of an active slab with k_B &gt; 0 is therefore its visible energy, not its
/// deposited energy (docs/physics/birks-saturation.md).
/// <list type="bullet">
/// <item>Energy E deposited at a point (a track stopped at the tracking cut or by range rejection, a sub-cut secondary, a
/// binding energy): the light of an electron of kinetic energy E slowing down to rest,
/// Q(E) = ∫₀^E dE′/(1 + k_B S(E′)), with S the electron's continuous stopping power of the slab's material (the engine's
/// own table). (Geant4's point form E/(1 + k_B E/R(E)) takes the mean dE/dx over the range instead.)</item>
/// <item>An e± step from kinetic energy T₀ that deposits ΔE: Q(T₀) − Q(T₀ − ΔE), the light of slowing down through the
/// energies the step spans. Geant4's step form ΔE/(1 + k_B ΔE/s) takes dE/dx from the step's own deposit, which
/// fluctuates (Urban): by Jensen's inequality the mean light then falls with the step length (stopping 0.1–1 MeV e⁻ in
/// polystyrene: 13–15 % more quench than the slowing-down integral; without fluctuations within 1 %).</item>
/// <item>Other charged particles (muons): ΔE/(1 + k_B S(T₀)), with their own mean stopping power.</item>
/// </list>
/// Built once per physics and shared by the worker threads; null where no slab saturates.
/// </summary>
public sealed class BirksSaturation
{
    private readonly double[] _kb;          // per slab, cm/GeV (the geometry's array)
    private readonly int[] _table;          // per slab: index into _ratio, -1 without saturation
    private readonly double[][] _ratio;     // Q(E)/E on the physics grid, per distinct (material, k_B)
    private readonly EnergyGrid _grid;
    private readonly ShowerPhysics _physics;

    private BirksSaturation(ShowerPhysics physics)
    {
        _physics = physics;
        var geo = physics.Geometry;
        _grid = physics.Grid;
        _kb = geo.SlabBirksCmPerGeV;
        _table = new int[geo.SlabCount];
        var keys = new List<(int Material, double Kb)>();
        var tables = new List<double[]>();
        for (int i = 0; i < geo.SlabCount; i++)
        {
            if (!(_kb[i] > 0)) { _table[i] = -1; continue; }
            (int, double) key = (geo.SlabMaterial[i], _kb[i]);
            int k = keys.IndexOf(key);
            if (k < 0)
            {
                keys.Add(key);
                tables.Add(LocalRatioTable(physics, key.Item1, key.Item2));
                k = keys.Count - 1;
            }
            _table[i] = k;
        }
        _ratio = [.. tables];
    }

    /// <summary>The saturation of <paramref name="physics"/>'s geometry, or null when no active slab has a Birks constant.</summary>
    public static BirksSaturation? For(ShowerPhysics physics)
    {
        ArgumentNullException.ThrowIfNull(physics);
        return physics.Geometry.HasBirksSaturation ? new BirksSaturation(physics) : null;
    }

    /// <summary>Visible part of <paramref name="energyGeV"/> deposited in <paramref name="slab"/> along a step of a
    /// <paramref name="type"/> particle that started it with kinetic energy <paramref name="startKineticGeV"/>.</summary>
    public double AlongStep(int slab, ShowerSpecies type, double startKineticGeV, double energyGeV)
    {
        int t = _table[slab];
        if (t < 0 || !(energyGeV > 0)) return energyGeV;
        if (type is ShowerSpecies.Electron or ShowerSpecies.Positron)
        {
            double end = startKineticGeV - energyGeV;
            double light = Q(t, startKineticGeV) - (end > 0 ? Q(t, end) : 0.0);
            return Math.Clamp(light, 0.0, energyGeV);
        }
        return Visible(_kb[slab], energyGeV, _physics.StoppingPowerGeVPerCm(type, _physics.Geometry.SlabMaterial[slab], startKineticGeV));
    }

    private double Q(int table, double kineticGeV) => kineticGeV * _grid.Interpolate(_ratio[table], Math.Log(kineticGeV));

    /// <summary>Visible part of <paramref name="energyGeV"/> deposited at a point in <paramref name="slab"/> (Q(E)).</summary>
    public double AtPoint(int slab, double energyGeV)
    {
        int t = _table[slab];
        if (t < 0 || !(energyGeV > 0)) return energyGeV;
        return Q(t, energyGeV);
    }

    /// <summary>Birks' law: the light of energy ΔE lost at stopping power S, ΔE/(1 + k_B S) (k_B in cm/GeV, ΔE in GeV, S in
    /// GeV/cm); the integrand of the slowing-down light and the form for muons.</summary>
    public static double Visible(double birksCmPerGeV, double energyGeV, double stoppingPowerGeVPerCm) =>
        energyGeV / (1.0 + birksCmPerGeV * stoppingPowerGeVPerCm);

    /// <summary>
    /// Q(E)/E on the physics grid for an electron slowing down in material <paramref name="material"/>: Q(E₀) = E₀/(1 + k_B S(E₀))
    /// at the lowest grid energy (the grid clamps below it), then the trapezoid rule in ln E of E/(1 + k_B S(E)), as the
    /// engine integrates its CSDA range.
    /// </summary>
    private static double[] LocalRatioTable(ShowerPhysics physics, int material, double kb)
    {
        EnergyGrid g = physics.Grid;
        int n = g.Count;
        var ratio = new double[n];
        double Integrand(int i) => Visible(kb, g.EnergiesGeV[i], physics.StoppingPowerGeVPerCm(ShowerSpecies.Electron, material, g.EnergiesGeV[i]));
        double q = Integrand(0), previous = q;
        ratio[0] = q / g.EnergiesGeV[0];
        for (int i = 1; i < n; i++)
        {
            double f = Integrand(i);
            q += 0.5 * g.DeltaLn * (f + previous);
            previous = f;
            ratio[i] = q / g.EnergiesGeV[i];
        }
        return ratio;
    }
}
