using Emiss.Shower;

namespace Emiss.Signal.Biasing;

/// <summary>
/// Per-worker, per-event state shared by the A′ processes and the <see cref="SignalObserver"/> of one transport
/// worker: the zero-variance yield estimator (docs/physics/aprime-emission.md#yield-estimator), the integrated true and biased emission rates
/// Λ = Σ Σ_k ℓ along all earlier charged steps of the event, the rates of the current step, the (at most one)
/// emission and the deposits. Not thread-safe: one instance per worker, reset before each event.
/// </summary>
public sealed class EmissionState
{
    /// <summary>Creates the state for a geometry with <paramref name="sections"/> readout sections and
    /// <paramref name="cells"/> cells per section.</summary>
    public EmissionState(int sections, int cells, int trackLengthBins)
    {
        TrackLengthCm = new double[trackLengthBins];
        PositronTrackLengthCm = new double[trackLengthBins];
        SectionActiveGeV = new double[sections];
        SectionTotalGeV = new double[sections];
        CellActiveGeV = new double[sections * cells];
        CellCount = cells;
    }

    /// <summary>True until the event's A′ has been emitted (at most one emission per event).</summary>
    public bool Armed { get; private set; } = true;

    /// <summary>
    /// Σ n σ(E; x E &gt; E_cut) ∫L ds of A′-strahlung over the event's e± steps, at ε = 1: the track-length
    /// estimator, each path element weighted by the likelihood ratio L of the history up to it, so that it stays
    /// unbiased when emissions (which end the beam's high-energy track) are forced.
    /// </summary>
    public double EstimatorBremEps1 { get; internal set; }

    /// <summary>Σ n_e σ_res(E₊) ∫L ds of resonant annihilation over the event's e⁺ steps, at ε = 1.</summary>
    public double EstimatorAnnihilationEps1 { get; internal set; }

    /// <summary>
    /// ln L, L = likelihood ratio (true/biased) of the event history so far. While armed, each step adds
    /// (Σ_biased − Σ_true) ℓ (no emission along it); an emission adds ln(Σ_true/Σ_biased); after it the biased
    /// channel is a null collision, so each step adds −Σ_true ℓ.
    /// </summary>
    public double LogLikelihoodRatio { get; internal set; }

    /// <summary>True A′-strahlung Σ (run coupling) of the latest charged step, cm⁻¹.</summary>
    public double StepBremTrue { get; internal set; }

    /// <summary>Biased A′-strahlung Σ of the latest charged step, cm⁻¹.</summary>
    public double StepBremBiased { get; internal set; }

    /// <summary>True annihilation Σ (run coupling) of the latest charged step, cm⁻¹.</summary>
    public double StepAnnTrue { get; internal set; }

    /// <summary>Biased annihilation Σ of the latest charged step, cm⁻¹.</summary>
    public double StepAnnBiased { get; internal set; }

    /// <summary>Kinetic energy at the start of the latest charged step, GeV.</summary>
    public double StepKineticGeV { get; internal set; }

    /// <summary>Whether the latest charged step belongs to the primary.</summary>
    public bool StepIsPrimary { get; internal set; }

    /// <summary>Slab of the latest charged step.</summary>
    public int StepSlab { get; internal set; }

    /// <summary>The event's emission (Kind = None if none yet).</summary>
    public EmissionRecord Emission { get; private set; }

    /// <summary>Whether deposits are recorded (detector mode).</summary>
    public bool RecordDeposits { get; set; }

    /// <summary>Energy deposited in active slabs per section, GeV.</summary>
    public double[] SectionActiveGeV { get; }

    /// <summary>Energy deposited in all slabs per section, GeV.</summary>
    public double[] SectionTotalGeV { get; }

    /// <summary>Active deposits per (section, cell), flattened section-major, GeV.</summary>
    public double[] CellActiveGeV { get; }

    /// <summary>
    /// e± track length (cm, all materials) per bin of total energy from E_cut to E0 (bin 0 = lowest). Not cleared
    /// by <see cref="Reset"/>: the runner clears it per chunk, so it sums over the chunk's events.
    /// </summary>
    public double[] TrackLengthCm { get; }

    /// <summary>The e⁺ part of <see cref="TrackLengthCm"/>, cm (same binning and clearing).</summary>
    public double[] PositronTrackLengthCm { get; }

    /// <summary>Cells per section.</summary>
    public int CellCount { get; }

    /// <summary>Energy that left the world, GeV (kinetic + 2 m_e for e⁺).</summary>
    public double LeakedGeV { get; internal set; }

    /// <summary>Prepares the next event.</summary>
    public void Reset()
    {
        Armed = true;
        EstimatorBremEps1 = EstimatorAnnihilationEps1 = 0;
        LogLikelihoodRatio = 0;
        StepBremTrue = StepBremBiased = StepAnnTrue = StepAnnBiased = StepKineticGeV = 0;
        StepIsPrimary = false;
        StepSlab = 0;
        Emission = default;
        LeakedGeV = 0;
        Array.Clear(SectionActiveGeV);
        Array.Clear(SectionTotalGeV);
        Array.Clear(CellActiveGeV);
    }

    /// <summary>
    /// Weight of an emission by process <paramref name="kind"/> at the end of the latest step (docs/physics/aprime-emission.md#biasing-and-weights, in
    /// its continuous form): w = (Σ_true/Σ_biased)(E) · exp(Λ_biased − Λ_true), Λ over the path up to the emission
    /// point (earlier steps of the event and the emitting step itself). With constant Σ per step this is the
    /// exponential limit of (p_i/q_i) Π_{j&lt;i}(1 − p_j)/(1 − q_j).
    /// </summary>
    public double EmissionWeight(EmissionKind kind)
    {
        (double t, double b) = kind == EmissionKind.Bremsstrahlung ? (StepBremTrue, StepBremBiased) : (StepAnnTrue, StepAnnBiased);
        return b > 0 ? t / b * Math.Exp(LogLikelihoodRatio) : 0.0;
    }

    /// <summary>Likelihood ratio of the whole event so far (the event weight): exp(ln L).</summary>
    public double EventWeight => Math.Exp(LogLikelihoodRatio);

    /// <summary>
    /// Records the emission and disarms both processes for the rest of the event. <paramref name="emitterTotalGeV"/>
    /// is the emitter's total energy at the start of the step, <paramref name="emitterVertexGeV"/> at the emission point.
    /// </summary>
    internal void Record(EmissionKind kind, ShowerSpecies emitter, double emitterTotalGeV, double aPrimeGeV, double ux, double uy, double uz,
        double emitterUx, double emitterUy, double emitterUz, double emitterVertexGeV)
    {
        double w = EmissionWeight(kind);
        Emission = new EmissionRecord(kind, emitter, StepIsPrimary, emitterTotalGeV, aPrimeGeV, ux, uy, uz, StepSlab, w, emitterUx, emitterUy, emitterUz,
            emitterVertexGeV);
        LogLikelihoodRatio = w > 0 ? Math.Log(w) : double.NegativeInfinity;
        Armed = false;
    }
}
