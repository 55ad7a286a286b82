using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Signal.Processes;
using Emiss.Signal.Tables;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// The emission rates of every point of a scan, laid out for folding one e± step with all of them at once
/// (docs/physics/signal-yield.md#multi-mass-scan). A′-strahlung: Σ_p(E; x E &gt; E_cut) at ε = 1 of each material on
/// <see cref="Nodes"/> nodes uniform in τ = ln(1 − E_cut/E) — the variable in which the σ tables are smooth
/// (<see cref="CutCrossSectionTable"/>) — stored node-major with the points contiguous, so a step costs one logarithm
/// and one linear interpolation per point (two rows, vectorised). Below 1 − E_cut/E = <see cref="CutCrossSectionTable.MinimumFraction"/>
/// Σ is linear in 1 − E_cut/E down to zero, as in the σ tables. Resonant annihilation is narrow in energy, so it is
/// evaluated directly, n_e σ_res(E₊), for the points that include it. Immutable and shared by all workers.
/// </summary>
public sealed class YieldScanRates
{
    /// <summary>τ nodes of the folding table. Δτ ≈ 0.017 for E_cut = E0/2: linear interpolation of Σ (smooth in τ) is
    /// accurate to ~Δτ²/8 ≈ 4·10⁻⁵ relative, far below the statistical error of any scan.</summary>
    public const int Nodes = 512;

    private const double Me = PhysicalConstants.ElectronMassGeV;
    private readonly double[][] _brem;          // [material][node · Points + point], cm⁻¹ at ε = 1
    private readonly int[] _annihilationPoint;  // point index of each annihilation entry
    private readonly ResonantAnnihilationCrossSection[] _annihilation;
    private readonly double[] _electronDensity; // per material, cm⁻³
    private readonly double _tauLow;
    private readonly double _invDeltaTau;

    private YieldScanRates(int points, double cutGeV, double maxGeV, double[][] brem, int[] annPoint, ResonantAnnihilationCrossSection[] ann,
        double[] electronDensity, double tauLow, double invDeltaTau)
    {
        Points = points;
        CutGeV = cutGeV;
        MaxGeV = maxGeV;
        _brem = brem;
        _annihilationPoint = annPoint;
        _annihilation = ann;
        _electronDensity = electronDensity;
        _tauLow = tauLow;
        _invDeltaTau = invDeltaTau;
    }

    /// <summary>Number of points.</summary>
    public int Points { get; }

    /// <summary>E_cut, GeV.</summary>
    public double CutGeV { get; }

    /// <summary>Highest tabulated lepton total energy, GeV (1.05 E0, as the single-mass tables).</summary>
    public double MaxGeV { get; }

    /// <summary>Whether any point includes resonant annihilation.</summary>
    public bool HasAnnihilation => _annihilation.Length > 0;

    /// <summary>Tabulates the rates of <paramref name="points"/> in <paramref name="materials"/> (the shower's material order) for beam E0 = <paramref name="beam"/>
    /// and E_cut = <paramref name="missingEnergyFraction"/> E0. Points are built in parallel.</summary>
    public static YieldScanRates Build(IReadOnlyList<YieldScanPoint> points, IReadOnlyList<Material> materials, Energy beam, double missingEnergyFraction)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(materials);
        if (points.Count == 0) throw new ArgumentException("a scan needs at least one point", nameof(points));
        if (!(missingEnergyFraction > 0 && missingEnergyFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(missingEnergyFraction), missingEnergyFraction, "must lie in (0, 1)");
        double cut = missingEnergyFraction * beam.InGeV, max = 1.05 * beam.InGeV;
        for (int p = 0; p < points.Count; p++)
        {
            YieldScanPoint pt = points[p] ?? throw new ArgumentException($"point {p} is null", nameof(points));
            if (pt.Model is null && pt.Annihilation is null) throw new ArgumentException($"point {p} ({pt.Label}) has neither A′-strahlung nor annihilation", nameof(points));
            if (pt.Model is not null && !(pt.Mass.InGeV > 0 && pt.Mass.InGeV < cut))
                throw new ArgumentOutOfRangeException(nameof(points), pt.Mass.InMeV, $"point {p}: A′ mass must lie in (0, E_cut = {cut} GeV)");
        }
        int np = points.Count, nm = materials.Count;
        double tauLow = Math.Log(CutCrossSectionTable.MinimumFraction), tauHigh = Math.Log(1.0 - cut / max);
        double dTau = (tauHigh - tauLow) / (Nodes - 1);
        var brem = new double[nm][];
        for (int k = 0; k < nm; k++) brem[k] = new double[Nodes * np];
        Parallel.For(0, np, p =>
        {
            IDarkProductionModel? model = points[p].Model;
            if (model is null) return;
            for (int k = 0; k < nm; k++)
            {
                var sigma = MacroscopicCutCrossSection.Build(model, materials[k], points[p].Mass, Energy.FromGeV(cut), Energy.FromGeV(max));
                for (int i = 0; i < Nodes; i++)
                    brem[k][i * np + p] = sigma.PerCmAtEps1(cut / (1.0 - Math.Exp(tauLow + i * dTau)));
            }
        });
        int[] annPoint = [.. Enumerable.Range(0, np).Where(p => points[p].Annihilation is not null)];
        ResonantAnnihilationCrossSection[] ann = [.. annPoint.Select(p => points[p].Annihilation!)];
        double[] ne = [.. materials.Select(m => m.ElectronDensityPerCm3)];
        return new YieldScanRates(np, cut, max, brem, annPoint, ann, ne, tauLow, 1.0 / dTau);
    }

    /// <summary>Adds Σ_p(E) <paramref name="lengthCm"/> of every point to <paramref name="bremPerPoint"/> for a lepton of total energy
    /// <paramref name="leptonGeV"/> in material <paramref name="material"/> (nothing at or below E_cut).</summary>
    public void AddBremsstrahlung(int material, double leptonGeV, double lengthCm, Span<double> bremPerPoint)
    {
        if (!(leptonGeV > CutGeV)) return;
        int np = Points;
        double f = 1.0 - CutGeV / Math.Min(leptonGeV, MaxGeV);
        ReadOnlySpan<double> table = _brem[material];
        if (f < CutCrossSectionTable.MinimumFraction)
        {
            Fold.AddScaled(bremPerPoint, lengthCm * f / CutCrossSectionTable.MinimumFraction, table[..np]);
            return;
        }
        double pos = (Math.Log(f) - _tauLow) * _invDeltaTau;
        int i = Math.Min((int)pos, Nodes - 2);
        double w = pos - i;
        Fold.AddTwoScaled(bremPerPoint, lengthCm * (1.0 - w), table.Slice(i * np, np), lengthCm * w, table.Slice((i + 1) * np, np));
    }

    /// <summary>Adds n_e σ_res(E₊) <paramref name="lengthCm"/> at ε = 1 to <paramref name="annihilationPerPoint"/> for every point with annihilation,
    /// for a positron of total energy <paramref name="positronGeV"/> (nothing unless E₊ + m_e &gt; E_cut, the A′ energy).</summary>
    public void AddAnnihilation(int material, double positronGeV, double lengthCm, Span<double> annihilationPerPoint)
    {
        if (!(positronGeV + Me > CutGeV)) return;
        double scale = _electronDensity[material] * lengthCm;
        for (int j = 0; j < _annihilation.Length; j++)
            annihilationPerPoint[_annihilationPoint[j]] += scale * _annihilation[j].PerElectronCm2AtEps1(positronGeV);
    }
}
