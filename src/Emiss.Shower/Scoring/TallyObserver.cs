using System.Runtime.CompilerServices;
using Emiss.Shower.Geometry;
using Emiss.Shower.Processes;

namespace Emiss.Shower.Scoring;

/// <summary>Observer that fills an <see cref="EventTally"/>.</summary>
public readonly struct TallyObserver : IShowerObserver
{
    private readonly EventTally _t;
    private readonly SlabStack _g;
    private readonly double _invRadialBin, _linScale;
    private readonly int _cells;

    /// <summary>Wraps a tally.</summary>
    public TallyObserver(EventTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        _t = tally;
        _g = tally.Geometry;
        _invRadialBin = 1.0 / _g.RadialBinCm;
        _linScale = TrackLengthBins.LinearBins / tally.PrimaryKineticGeV;
        _cells = _g.Cells.Count;
    }

    /// <summary>The tally being filled.</summary>
    public EventTally Tally => _t;

    /// <inheritdoc />
    public void OnStep(in StepPoint point)
    {
        double lx0 = point.LengthCm / point.RadiationLengthCm;
        int row;
        if (point.Type == ShowerSpecies.Gamma) { row = 2; _t.NeutralTrackLengthX0 += lx0; }
        else
        {
            _t.ChargedTrackLengthX0 += lx0;
            _t.ChargedTrackLengthCmByMaterial[point.MaterialIndex] += point.LengthCm;
            if (point.Type == ShowerSpecies.Electron) row = 0;
            else if (point.Type == ShowerSpecies.Positron) row = 1;
            else return;
        }
        int lb = point.LogBin != StepPoint.UnknownLogBin ? point.LogBin : TrackLengthBins.LogBin(point.KineticEnergyGeV);
        Add(row, point.KineticEnergyGeV, lb, lx0);
        if (point.IsPrimary && row != 2) Add(3, point.KineticEnergyGeV, lb, lx0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int row, double e, int lb, double lx0)
    {
        if ((uint)lb < TrackLengthBins.LogBins) _t.TrackLengthLogX0[row * TrackLengthBins.LogBins + lb] += lx0;
        int nb = (int)(e * _linScale);
        if (nb == TrackLengthBins.LinearBins) nb--;          // E = E0 exactly (the primary's first flight) belongs to the top bin
        if ((uint)nb < TrackLengthBins.LinearBins) _t.TrackLengthLinearX0[row * TrackLengthBins.LinearBins + nb] += lx0;
    }

    /// <inheritdoc />
    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV)
    {
        _t.SlabEdepGeV[slab] += energyGeV;
        _t.SlabVisibleGeV[slab] += visibleGeV;
        if (_g.SlabActive[slab])
        {
            int c = _g.Cells.CellAt(xCm, yCm);
            if (c >= 0) _t.CellEdepGeV[_g.SlabSection[slab] * _cells + c] += visibleGeV;
        }
        int r = (int)(Math.Sqrt(xCm * xCm + yCm * yCm) * _invRadialBin);
        if ((uint)r < (uint)_t.RadialEdepGeV.Length) _t.RadialEdepGeV[r] += energyGeV;
    }

    /// <inheritdoc />
    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) => _t.InteractionsByProcess[processIndex] += 1;

    /// <inheritdoc />
    public void OnLeak(in LeavingParticle particle, double budgetGeV) { }

    /// <inheritdoc />
    public void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
