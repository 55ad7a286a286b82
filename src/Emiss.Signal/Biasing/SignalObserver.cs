using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Signal.Biasing;

/// <summary>
/// Shower hooks of the signal Monte Carlo. Per charged step above <see cref="SignalRates.ObserverThresholdGeV"/>:
/// adds n σ(E; x E &gt; E_cut) ∫L ds (and n_e σ_res ∫L ds for e⁺) at ε = 1 to the event's yield estimator (docs/physics/aprime-emission.md#yield-estimator;
/// L = the history's likelihood ratio, 1 without biasing), updates ln L for the emission weight and keeps the step's rates for
/// the process that may fire at its end. In detector mode it also sums deposits per section and cell.
/// </summary>
public struct SignalObserver : IShowerObserver
{
    private readonly SignalRates _rates;
    private readonly EmissionState _state;
    private readonly int[] _slabSection;
    private readonly bool[] _slabActive;
    private readonly CellGrid _cells;
    private readonly double _threshold;
    private readonly double _eps2;
    private readonly double _cutGeV;
    private readonly double _binsPerGeV;

    /// <summary>Creates the observer of one worker.</summary>
    /// <param name="rates">Emission rates.</param>
    /// <param name="state">The worker's state.</param>
    /// <param name="geometry">The geometry transported.</param>
    /// <param name="beamGeV">E0 (upper edge of the track-length histogram), GeV.</param>
    public SignalObserver(SignalRates rates, EmissionState state, SlabStack geometry, double beamGeV)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(geometry);
        _rates = rates;
        _state = state;
        _slabSection = geometry.SlabSection;
        _slabActive = geometry.SlabActive;
        _cells = geometry.Cells;
        _threshold = rates.ObserverThresholdGeV;
        _eps2 = rates.EpsilonSquared;
        _cutGeV = rates.CutGeV;
        _binsPerGeV = state.TrackLengthCm.Length / (beamGeV - rates.CutGeV);
    }

    /// <inheritdoc />
    public readonly void OnStep(in StepPoint point)
    {
        if (point.Type is not (ShowerSpecies.Electron or ShowerSpecies.Positron)) return;
        EmissionState s = _state;
        if (point.KineticEnergyGeV <= _threshold)
        {
            s.StepBremTrue = s.StepBremBiased = s.StepAnnTrue = s.StepAnnBiased = 0;
            return;
        }
        int mat = point.MaterialIndex;
        double t = point.KineticEnergyGeV, l = point.LengthCm;
        double brem1 = _rates.BremPerCmAtEps1(mat, t);
        double bremB = _rates.BiasedBremPerCm(mat, t);
        double ann1 = 0, annB = 0;
        if (point.Type == ShowerSpecies.Positron)
        {
            ann1 = _rates.AnnihilationPerCmAtEps1(mat, t);
            annB = _rates.BiasedAnnihilationPerCm(mat, t);
        }
        // ∫ L ds over the step: ln L grows linearly along it at rate c (docs/physics/aprime-emission.md#biasing-and-weights weights, continuous form).
        double trueRate = _eps2 * (brem1 + ann1);
        double c = s.Armed ? bremB + annB - trueRate : -trueRate;
        double cl = c * l;
        double lWeighted = Math.Exp(s.LogLikelihoodRatio) * (Math.Abs(cl) < 1e-8 ? l * (1 + 0.5 * cl) : l * double.ExpM1(cl) / cl);
        s.LogLikelihoodRatio += cl;
        double eTot = t + Emiss.Core.Constants.PhysicalConstants.ElectronMassGeV;
        if (eTot > _cutGeV)
        {
            int bin = Math.Min((int)((eTot - _cutGeV) * _binsPerGeV), s.TrackLengthCm.Length - 1);
            s.TrackLengthCm[bin] += lWeighted;
            if (point.Type == ShowerSpecies.Positron) s.PositronTrackLengthCm[bin] += lWeighted;
        }
        s.EstimatorBremEps1 += brem1 * lWeighted;
        s.EstimatorAnnihilationEps1 += ann1 * lWeighted;
        s.StepBremTrue = _eps2 * brem1;
        s.StepBremBiased = bremB;
        s.StepAnnTrue = _eps2 * ann1;
        s.StepAnnBiased = annB;
        s.StepKineticGeV = t;
        s.StepIsPrimary = point.IsPrimary;
        s.StepSlab = point.Slab;
    }

    /// <inheritdoc />
    public readonly void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV)
    {
        EmissionState s = _state;
        if (!s.RecordDeposits) return;
        int sec = _slabSection[slab];
        s.SectionTotalGeV[sec] += energyGeV;
        if (!_slabActive[slab]) return;
        s.SectionActiveGeV[sec] += visibleGeV;
        int c = _cells.CellAt(xCm, yCm);
        if (c >= 0) s.CellActiveGeV[sec * s.CellCount + c] += visibleGeV;
    }

    /// <inheritdoc />
    public readonly void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

    /// <inheritdoc />
    public readonly void OnLeak(in LeavingParticle particle, double budgetGeV) => _state.LeakedGeV += budgetGeV;

    /// <inheritdoc />
    public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
