using System.Collections.Immutable;
using Emiss.Core.Constants;
using Emiss.Shower.Geometry;
using Emiss.Shower.Materials;
using Emiss.Shower.Processes;
using Emiss.Shower.Processes.Annihilation;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.Compton;
using Emiss.Shower.Processes.Ionisation;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Processes.PairProduction;
using Emiss.Shower.Processes.Photoelectric;
using Emiss.Shower.Processes.Rayleigh;

using Emiss.Shower.Response;

namespace Emiss.Shower.PhysicsList;

/// <summary>
/// The physics of one geometry: materials with cuts, the process list, and the tables the transport interpolates
/// (per species, material and process: Σ(E); per charged species and material: continuous dE/dx and CSDA range).
/// Built once (tens of ms), immutable and shared by all worker threads.
/// </summary>
public sealed class ShowerPhysics
{
    /// <summary>Builds materials, processes and tables for <paramref name="geometry"/>.</summary>
    public ShowerPhysics(SlabStack geometry, PhysicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Geometry = geometry;
        Grid = EnergyGrid.Standard;
        Materials = new ShowerMaterialSet([.. geometry.Materials.Select((m, i) =>
            new ShowerMaterial(i, m, ProductionCuts.ElectronCutGeV(m, geometry, options), options.GammaCutGeV))]);
        var procs = new List<IProcess>();
        if (options.Bremsstrahlung) procs.Add(new BremsstrahlungProcess(Materials, options.Lpm, options.DielectricSuppression, Grid));
        if (options.Ionisation) procs.Add(new IonisationProcess(Materials));
        if (options.Annihilation) procs.Add(new AnnihilationProcess(Materials));
        if (options.PairProduction) procs.Add(new PairProductionProcess(Materials, Grid));
        if (options.Compton) procs.Add(new ComptonProcess(Materials));
        if (options.Photoelectric) procs.Add(new PhotoelectricProcess(Materials));
        if (options.Rayleigh) procs.Add(new RayleighProcess(Materials));
        procs.Add(new MuonIonisationProcess(Materials));
        if (options.MuonRadiative) procs.Add(new MuonRadiativeProcess(Materials));
        foreach (Func<ShowerMaterialSet, IProcess> f in options.ExtraProcesses) procs.Add(f(Materials));
        Processes = [.. procs];
        Scattering = options.MultipleScattering ? new UrbanScattering(Materials, Grid) : null;

        int nm = Materials.Count, np = ShowerSpeciesInfo.Count, ng = Grid.Count;
        ProcessesFor = new int[np][];
        SigmaTables = new double[np][][][];
        SigmaTotal = new double[np][][];
        DedxTables = new double[np][];
        RangeTables = new double[np][];
        RangeIndex = new MonotoneTableIndex?[np][];
        for (int p = 0; p < np; p++)
        {
            var type = (ShowerSpecies)p;
            ProcessesFor[p] = [.. Enumerable.Range(0, Processes.Length).Where(i => Processes[i].AppliesTo(type))];
            SigmaTables[p] = new double[nm][][];
            SigmaTotal[p] = new double[nm][];
            DedxTables[p] = new double[nm * ng];
            RangeTables[p] = new double[nm * ng];
            RangeIndex[p] = new MonotoneTableIndex?[ShowerSpeciesInfo.IsCharged(type) ? nm : 0];
            for (int m = 0; m < nm; m++)
            {
                int mm = m;
                SigmaTables[p][m] = [.. ProcessesFor[p].Select(i => Grid.Tabulate(e => Processes[i].InverseMeanFreePathPerCm(mm, type, e)))];
                SigmaTotal[p][m] = new double[ng];
                foreach (double[] t in SigmaTables[p][m]) for (int g = 0; g < ng; g++) SigmaTotal[p][m][g] += t[g];
                if (!ShowerSpeciesInfo.IsCharged(type)) continue;
                Span<double> dedx = DedxTables[p].AsSpan(m * ng, ng), range = RangeTables[p].AsSpan(m * ng, ng);
                for (int g = 0; g < ng; g++)
                {
                    double s = 0.0;
                    foreach (int i in ProcessesFor[p]) s += Processes[i].ContinuousLossGeVPerCm(m, type, Grid.EnergiesGeV[g]);
                    dedx[g] = Math.Max(s, 1e-30);
                }
                // CSDA range: R(E0) ≈ E0/S(E0) at the lowest point, then trapezoid in ln E of E/S(E).
                range[0] = Grid.EnergiesGeV[0] / dedx[0];
                for (int g = 1; g < ng; g++)
                    range[g] = range[g - 1] + 0.5 * Grid.DeltaLn * (Grid.EnergiesGeV[g] / dedx[g] + Grid.EnergiesGeV[g - 1] / dedx[g - 1]);
                RangeIndex[p][m] = MonotoneTableIndex.TryCreate(range);
            }
        }
        SigmaMaxGamma = new double[ng];
        for (int g = 0; g < ng; g++)
            for (int m = 0; m < nm; m++) SigmaMaxGamma[g] = Math.Max(SigmaMaxGamma[g], SigmaTotal[(int)ShowerSpecies.Gamma][m][g]);
        Fluctuations = [.. Materials.Materials.Select(m => new UrbanFluctuation(m.Source, m.ElectronCutGeV))];
        Saturation = BirksSaturation.For(this);
    }

    /// <summary>Birks saturation of the geometry's scintillating slabs (their visible energy), or null when none saturates.</summary>
    public BirksSaturation? Saturation { get; }

    /// <summary>Options the physics was built with.</summary>
    public PhysicsOptions Options { get; }

    /// <summary>The geometry.</summary>
    public SlabStack Geometry { get; }

    /// <summary>Energy grid of all tables.</summary>
    public EnergyGrid Grid { get; }

    /// <summary>Materials with their cuts, indexed as <see cref="SlabStack.SlabMaterial"/>.</summary>
    public ShowerMaterialSet Materials { get; }

    /// <summary>The process list (order = process index in tallies).</summary>
    public ImmutableArray<IProcess> Processes { get; }

    /// <summary>Multiple-scattering model, or null when disabled.</summary>
    public IMultipleScattering? Scattering { get; }

    /// <summary>[species] → indices of the processes that apply.</summary>
    internal int[][] ProcessesFor { get; }

    /// <summary>[species][material][k] → Σ table of process ProcessesFor[species][k], cm⁻¹.</summary>
    internal double[][][][] SigmaTables { get; }

    /// <summary>[species][material] → total Σ table, cm⁻¹.</summary>
    internal double[][][] SigmaTotal { get; }

    /// <summary>Largest photon Σ over the materials at each grid energy (Woodcock majorant), cm⁻¹. Linear interpolation
    /// of the pointwise maximum bounds the interpolated Σ of every material.</summary>
    internal double[] SigmaMaxGamma { get; }

    /// <summary>[species] → flattened [material × grid] continuous loss, GeV/cm.</summary>
    internal double[][] DedxTables { get; }

    /// <summary>[species] → flattened [material × grid] CSDA range, cm.</summary>
    internal double[][] RangeTables { get; }

    /// <summary>[species][material] → constant-time bracketing of the range table (charged species whose table is strictly increasing; else null and a binary search).</summary>
    private MonotoneTableIndex?[][] RangeIndex { get; }

    /// <summary>Fluctuation model of the continuous loss per material (Urban; docs/physics/ionisation.md#energy-loss-fluctuations).</summary>
    internal UrbanFluctuation[] Fluctuations { get; }

    /// <summary>Continuous loss (restricted ionisation + sub-cut radiation) of a species in a material, GeV/cm.</summary>
    public double StoppingPowerGeVPerCm(ShowerSpecies type, int materialIndex, double kineticGeV) =>
        Grid.Interpolate(DedxTables[(int)type].AsSpan(materialIndex * Grid.Count, Grid.Count), Math.Log(kineticGeV));

    /// <summary>CSDA range (with the continuous loss above) of a species in a material, cm.</summary>
    public double RangeCm(ShowerSpecies type, int materialIndex, double kineticGeV) =>
        Grid.Interpolate(RangeTables[(int)type].AsSpan(materialIndex * Grid.Count, Grid.Count), Math.Log(kineticGeV));

    /// <summary>Total discrete Σ of a species in a material, cm⁻¹.</summary>
    public double InverseMeanFreePathPerCm(ShowerSpecies type, int materialIndex, double kineticGeV) =>
        Grid.Interpolate(SigmaTotal[(int)type][materialIndex], Math.Log(kineticGeV));

    /// <summary>Kinetic energy whose range is <paramref name="rangeCm"/> (inverse of <see cref="RangeCm"/>), GeV.</summary>
    internal double InverseRange(int type, int materialIndex, double rangeCm)
    {
        ReadOnlySpan<double> r = RangeTables[type].AsSpan(materialIndex * Grid.Count, Grid.Count);
        if (rangeCm <= r[0]) return Grid.EnergiesGeV[0] * rangeCm / r[0];
        int lo = 0, hi = r.Length - 1;
        if (rangeCm >= r[hi]) return Grid.EnergiesGeV[hi];
        MonotoneTableIndex? index = RangeIndex[type][materialIndex];
        if (index is not null) hi = (lo = index.Lower(r, rangeCm)) + 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (r[mid] <= rangeCm) lo = mid; else hi = mid;
        }
        double f = (rangeCm - r[lo]) / (r[hi] - r[lo]);
        return Math.Exp(Grid.LnMin + (lo + f) * Grid.DeltaLn);
    }
}
