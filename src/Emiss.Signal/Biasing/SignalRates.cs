using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Signal.Processes;
using Emiss.Signal.Tables;

namespace Emiss.Signal.Biasing;

/// <summary>
/// True and biased macroscopic emission rates of both A′ processes per material (docs/physics/aprime-emission.md#biasing-and-weights). The biased
/// rate seen by the transport is B ε² Σ₁ tabulated on the shower's energy grid and interpolated linearly in ln T,
/// exactly as <see cref="ShowerPhysics"/> does; the true rate is ε² Σ₁ evaluated directly. The event weight uses
/// both, so it is exact whatever the grid interpolation error of the biased table. Both rates vanish unless the A′
/// can carry more than E_cut (x E &gt; E_cut for bremsstrahlung, E₊ + m_e &gt; E_cut for annihilation), as only
/// signal-window emissions are simulated. Immutable, shared by all workers.
/// </summary>
public sealed class SignalRates
{
    private const double Me = PhysicalConstants.ElectronMassGeV;
    private readonly double[][] _bremBiased;
    private readonly double[][] _annBiased;
    private readonly double[] _electronDensity;

    /// <summary>Creates the rates.</summary>
    /// <param name="tables">A′-strahlung tables (one per material, shower material order).</param>
    /// <param name="annihilation">Resonant annihilation cross section, or null to switch the process off.</param>
    /// <param name="materials">The materials (same order as <paramref name="tables"/>).</param>
    /// <param name="epsilon">Run coupling ε (small, so that the emission probability per event is ≪ 1).</param>
    /// <param name="biasFactor">Bias factor B ≥ 1 on the A′-strahlung cross section.</param>
    /// <param name="grid">The shower's energy grid.</param>
    /// <param name="annihilationBiasFactor">Bias factor ≥ 1 on the annihilation cross section (default: <paramref name="biasFactor"/>).</param>
    public SignalRates(SignalTables tables, ResonantAnnihilationCrossSection? annihilation, IReadOnlyList<Material> materials,
        double epsilon, double biasFactor, EnergyGrid grid, double? annihilationBiasFactor = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentNullException.ThrowIfNull(grid);
        if (tables.Count != materials.Count) throw new ArgumentException("one table per material");
        if (!(epsilon > 0 && epsilon <= 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must lie in (0, 1]");
        if (!(biasFactor >= 1) || !double.IsFinite(biasFactor)) throw new ArgumentOutOfRangeException(nameof(biasFactor), biasFactor, "bias factor must be finite and ≥ 1");
        Tables = tables;
        Annihilation = annihilation;
        Epsilon = epsilon;
        EpsilonSquared = epsilon * epsilon;
        BiasFactor = biasFactor;
        AnnihilationBiasFactor = annihilationBiasFactor ?? biasFactor;
        if (!(AnnihilationBiasFactor >= 1) || !double.IsFinite(AnnihilationBiasFactor))
            throw new ArgumentOutOfRangeException(nameof(annihilationBiasFactor), AnnihilationBiasFactor, "bias factor must be finite and ≥ 1");
        Grid = grid;
        CutGeV = tables.CutGeV;
        _electronDensity = [.. materials.Select(m => m.ElectronDensityPerCm3)];
        int nm = materials.Count;
        _bremBiased = new double[nm][];
        _annBiased = new double[nm][];
        for (int m = 0; m < nm; m++)
        {
            int mm = m;
            _bremBiased[m] = grid.Tabulate(t => BiasedBremTabulated(mm, t));
            _annBiased[m] = grid.Tabulate(t => BiasedAnnihilationTabulated(mm, t));
        }
        // Lowest kinetic energy at which any biased table can be non-zero after interpolation: one grid cell below
        // the lowest threshold (brem: T + m_e > E_cut; annihilation: T + 2m_e > E_cut).
        double tThr = CutGeV - 2 * Me;
        int i = (int)Math.Floor((Math.Log(tThr) - grid.LnMin) * grid.InvDeltaLn) - 1;
        ObserverThresholdGeV = grid.EnergiesGeV[Math.Clamp(i, 0, grid.Count - 1)];
    }

    /// <summary>The A′-strahlung tables.</summary>
    public SignalTables Tables { get; }

    /// <summary>Resonant annihilation, or null when switched off.</summary>
    public ResonantAnnihilationCrossSection? Annihilation { get; }

    /// <summary>Run coupling ε.</summary>
    public double Epsilon { get; }

    /// <summary>ε².</summary>
    public double EpsilonSquared { get; }

    /// <summary>Bias factor B of A′-strahlung.</summary>
    public double BiasFactor { get; }

    /// <summary>Bias factor of resonant annihilation.</summary>
    public double AnnihilationBiasFactor { get; }

    /// <summary>The shower energy grid the biased tables live on.</summary>
    public EnergyGrid Grid { get; }

    /// <summary>E_cut, GeV.</summary>
    public double CutGeV { get; }

    /// <summary>Kinetic energy below which no rate is non-zero, GeV (observers skip steps below it).</summary>
    public double ObserverThresholdGeV { get; }

    /// <summary>Biased Σ of A′-strahlung at a grid energy (what the transport tabulates), cm⁻¹.</summary>
    internal double BiasedBremTabulated(int material, double kineticGeV) =>
        BiasFactor * EpsilonSquared * Tables[material].MacroscopicPerCmAtEps1(kineticGeV + Me);

    /// <summary>Biased Σ of resonant annihilation at a grid energy, cm⁻¹.</summary>
    internal double BiasedAnnihilationTabulated(int material, double kineticGeV) =>
        AnnihilationBiasFactor * EpsilonSquared * AnnihilationPerCmAtEps1(material, kineticGeV);

    /// <summary>True A′-strahlung Σ at ε = 1 for a lepton of kinetic energy <paramref name="kineticGeV"/>, cm⁻¹.</summary>
    public double BremPerCmAtEps1(int material, double kineticGeV) => Tables[material].MacroscopicPerCmAtEps1(kineticGeV + Me);

    /// <summary>True resonant-annihilation Σ = n_e σ at ε = 1 for a positron of kinetic energy <paramref name="kineticGeV"/>, cm⁻¹ (0 when off or E_A′ ≤ E_cut).</summary>
    public double AnnihilationPerCmAtEps1(int material, double kineticGeV)
    {
        if (Annihilation is null || !(kineticGeV + 2 * Me > CutGeV)) return 0.0;
        return _electronDensity[material] * Annihilation.PerElectronCm2AtEps1(kineticGeV + Me);
    }

    /// <summary>Biased A′-strahlung Σ as the transport interpolates it at ln T, cm⁻¹, restricted to T + m_e &gt; E_cut.</summary>
    public double BiasedBremPerCm(int material, double kineticGeV) =>
        kineticGeV + Me > CutGeV ? Grid.Interpolate(_bremBiased[material], Math.Log(kineticGeV)) : 0.0;

    /// <summary>Biased annihilation Σ as the transport interpolates it at ln T, cm⁻¹, restricted to T + 2m_e &gt; E_cut.</summary>
    public double BiasedAnnihilationPerCm(int material, double kineticGeV) =>
        Annihilation is not null && kineticGeV + 2 * Me > CutGeV ? Grid.Interpolate(_annBiased[material], Math.Log(kineticGeV)) : 0.0;
}
