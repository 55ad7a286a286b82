using Emiss.Core.Constants;
using Emiss.Shower;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// The scan's shower hook: every e± step adds Σ_p(E) ℓ to the event's A′-strahlung tally of every point, and every
/// e⁺ step n_e σ_res,p(E₊) ℓ to its annihilation tally (docs/physics/signal-yield.md#multi-mass-scan). The showers carry no
/// A′ process, so this is the analog (likelihood ratio 1) form of the track-length estimator of
/// <see cref="Biasing.SignalObserver"/>. Allocation-free; one per worker.
/// </summary>
public readonly struct YieldScanObserver : IShowerObserver
{
    private readonly YieldScanRates _rates;
    private readonly double[] _brem;
    private readonly double[] _annihilation;

    /// <summary>Creates the observer writing into the worker's per-event tallies (length = points; the caller clears them per event).</summary>
    public YieldScanObserver(YieldScanRates rates, double[] bremPerPoint, double[] annihilationPerPoint)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(bremPerPoint);
        ArgumentNullException.ThrowIfNull(annihilationPerPoint);
        if (bremPerPoint.Length != rates.Points || annihilationPerPoint.Length != rates.Points) throw new ArgumentException("one tally slot per point");
        _rates = rates;
        _brem = bremPerPoint;
        _annihilation = annihilationPerPoint;
    }

    /// <inheritdoc />
    public void OnStep(in StepPoint point)
    {
        if (point.Type is not (ShowerSpecies.Electron or ShowerSpecies.Positron)) return;
        double e = point.KineticEnergyGeV + PhysicalConstants.ElectronMassGeV;
        if (point.Type == ShowerSpecies.Positron && _rates.HasAnnihilation)
            _rates.AddAnnihilation(point.MaterialIndex, e, point.LengthCm, _annihilation);
        _rates.AddBremsstrahlung(point.MaterialIndex, e, point.LengthCm, _brem);
    }

    /// <inheritdoc />
    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

    /// <inheritdoc />
    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

    /// <inheritdoc />
    public void OnLeak(in LeavingParticle particle, double budgetGeV) { }

    /// <inheritdoc />
    public void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
