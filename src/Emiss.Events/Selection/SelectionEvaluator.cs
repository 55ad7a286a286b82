namespace Emiss.Events.Selection;

/// <summary>
/// Applies <see cref="SelectionCuts"/> to one event row: the last <see cref="CutStage"/> it passes (cuts in order,
/// stopping at the first failure) and its <see cref="SignalRegion"/>. Pure and allocation-free, so that a cut flow
/// is a loop over rows. Definitions: docs/physics/analysis-selection.md#cuts.
/// </summary>
public sealed class SelectionEvaluator
{
    private readonly SelectionCuts _cuts;
    private readonly int _cellsX, _beamCell;
    private readonly double[] _fractions = new double[9];
    private readonly double[] _inverseVariance = new double[9];
    private readonly double _looseMin, _looseWindow, _thetaMax, _pNominal, _pHalfWidth, _srdMin, _srdMax, _srdWindow;
    private readonly double _preshowerMin, _containmentMin, _minEcal, _chi2Max, _refEnergy, _v2Max;
    private readonly double _boxEcal, _boxHcal, _cEcalMax;
    private readonly bool _requirePhysics;
    private readonly PreshowerThresholdTable? _preshowerTable;

    /// <summary>An evaluator of <paramref name="cuts"/> for an ECAL of <paramref name="cellsX"/> × <paramref name="cellsY"/> cells.</summary>
    /// <exception cref="ArgumentException">The cuts are invalid, or the 3×3 around the beam cell leaves the ECAL.</exception>
    public SelectionEvaluator(SelectionCuts cuts, int cellsX, int cellsY)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        IReadOnlyList<string> problems = cuts.Validate();
        if (problems.Count > 0) throw new ArgumentException("invalid cuts: " + string.Join("; ", problems), nameof(cuts));
        EcalShapeCut e = cuts.Ecal;
        if (e.BeamCellX < 1 || e.BeamCellX > cellsX - 2 || e.BeamCellY < 1 || e.BeamCellY > cellsY - 2)
            throw new ArgumentException(
                $"ecal.beamCellX/beamCellY: beam cell ({e.BeamCellX}, {e.BeamCellY}) needs its 3×3 neighbourhood inside the {cellsX}×{cellsY} ECAL", nameof(cuts));
        _cuts = cuts;
        _cellsX = cellsX;
        CellsX = cellsX;
        CellsY = cellsY;
        _beamCell = e.BeamCellX + cellsX * e.BeamCellY;
        ShapeCells = [.. Enumerable.Range(0, 9).Select(k => _beamCell + (k / 3 - 1) * cellsX + (k % 3 - 1))];
        for (int k = 0; k < 9; k++)
        {
            _fractions[k] = e.ShapeFractions[k];
            _inverseVariance[k] = 1.0 / (e.ShapeSigmas[k] * e.ShapeSigmas[k]);
        }
        _requirePhysics = cuts.Trigger.RequirePhysics;
        _looseMin = cuts.LooseSrd.MinMeV;
        _looseWindow = cuts.LooseSrd.TimeWindowNs;
        _thetaMax = cuts.Track.ThetaMaxMrad;
        _pNominal = cuts.Track.MomentumGeV;
        _pHalfWidth = cuts.Track.MomentumHalfWidthGeV;
        _srdMin = cuts.Srd.MinMeV;
        _srdMax = cuts.Srd.MaxMeV;
        _srdWindow = cuts.Srd.TimeWindowNs;
        _preshowerMin = e.PreshowerMinGeV;
        _preshowerTable = e.PreshowerMinTable;
        _containmentMin = e.ContainmentMin;
        _minEcal = e.MinEnergyGeV;
        _chi2Max = e.Chi2Max;
        _refEnergy = e.ReferenceEnergyGeV;
        _v2Max = cuts.V2.MaxMeV;
        _boxEcal = cuts.Regions.EcalMaxGeV;
        _boxHcal = cuts.Regions.HcalMaxGeV;
        _cEcalMax = cuts.Regions.SidebandCEcalMaxGeV;
    }

    /// <summary>The cuts.</summary>
    public SelectionCuts Cuts => _cuts;

    /// <summary>ECAL cells along x.</summary>
    public int CellsX { get; }

    /// <summary>ECAL cells along y.</summary>
    public int CellsY { get; }

    /// <summary>The ECAL cells (index ix + cellsX·iy) that cut (iii) reads: the 3×3 around the beam cell, row by row.
    /// A reader may load only these cells, and only for rows where <see cref="LastPassedBeforeShower"/> is
    /// <see cref="CutStage.Srd"/>.</summary>
    public IReadOnlyList<int> ShapeCells { get; }

    /// <summary>The last stage row <paramref name="row"/> of <paramref name="c"/> passes.</summary>
    public CutStage LastPassed(SelectionColumns c, int row)
    {
        CutStage early = LastPassedBeforeShower(c, row);
        if (early != CutStage.Srd) return early;
        if (!PassesShape(c, row)) return CutStage.Srd;
        if (!(c.V2EnergyMeV[row] < _v2Max)) return CutStage.EcalShape;
        return CutStage.V2;
    }

    /// <summary>The cuts before (iii), which read only the trigger, SRD and track columns (not the ECAL preshower,
    /// hottest cell, cells or V2): the last stage passed among them, <see cref="CutStage.Srd"/> when all pass and
    /// (iii)–(iv) decide. Lets a reader skip the shower columns of row groups where no row gets that far.</summary>
    public CutStage LastPassedBeforeShower(SelectionColumns c, int row)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (_requirePhysics && (c.Trigger[row] & (int)TriggerBits.Physics) == 0) return CutStage.All;
        double srd = c.SrdEnergyMeV[row], srdT = Math.Abs(c.SrdTimeNs[row]);
        // Comparisons are written so that NaN fails every cut.
        if (!(srd >= _looseMin && srdT < _looseWindow)) return CutStage.PhysicsTrigger;
        if (!(c.TrackOk[row] && c.TrackThetaMrad[row] < _thetaMax && Math.Abs(c.TrackMomentumGeV[row] - _pNominal) < _pHalfWidth)) return CutStage.LooseSrd;
        if (!(srd >= _srdMin && srd <= _srdMax && srdT < _srdWindow)) return CutStage.Track;
        return CutStage.Srd;
    }

    /// <summary>The region of (E_ECAL, E_HCAL).</summary>
    public SignalRegion RegionOf(double ecalGeV, double hcalGeV)
    {
        if (ecalGeV < _boxEcal) return hcalGeV < _boxHcal ? SignalRegion.SignalBox : SignalRegion.SidebandA;
        return ecalGeV < _cEcalMax && hcalGeV < _boxHcal ? SignalRegion.SidebandC : SignalRegion.Other;
    }

    /// <summary>(iii): preshower, hottest cell on the beam axis, lateral containment and χ².</summary>
    private bool PassesShape(SelectionColumns c, int row)
    {
        double ecal = c.EcalEnergyGeV[row];
        if (!(ecal >= _minEcal && c.EcalMaxCell[row] == _beamCell)) return false;
        if (!(c.EcalPreshowerGeV[row] > PreshowerThreshold(ecal))) return false;
        ReadOnlySpan<float> cells = c.CellsOf(row);
        Span<double> f = stackalloc double[9];
        double sum = 0;
        for (int dy = -1, k = 0; dy <= 1; dy++)
        {
            int rowStart = _beamCell + dy * _cellsX;
            for (int dx = -1; dx <= 1; dx++, k++)
            {
                double v = cells[rowStart + dx];
                f[k] = v;
                sum += v;
            }
        }
        if (!(sum > _containmentMin * ecal)) return false;
        return ShapeChi2(f, ecal) < _chi2Max;
    }

    /// <summary>The preshower threshold of cut (iii) at <paramref name="ecalGeV"/>, GeV.</summary>
    public double PreshowerThreshold(double ecalGeV) => _preshowerTable is null ? _preshowerMin : _preshowerTable.At(ecalGeV);

    /// <summary>χ²/9 of the 3×3 cell energies <paramref name="cells3x3"/> (GeV) against the expected fractions of
    /// <paramref name="ecalGeV"/>, the widths scaled as √(E_ref/E).</summary>
    public double ShapeChi2(ReadOnlySpan<double> cells3x3, double ecalGeV)
    {
        if (cells3x3.Length != 9) throw new ArgumentException("need the 9 cells of the 3×3", nameof(cells3x3));
        double inv = 1.0 / ecalGeV, scale = ecalGeV / _refEnergy, chi2 = 0;
        for (int k = 0; k < 9; k++)
        {
            double d = cells3x3[k] * inv - _fractions[k];
            chi2 += d * d * _inverseVariance[k];
        }
        return chi2 * scale / 9.0;
    }
}
