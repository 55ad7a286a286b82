namespace Emiss.Signal.Run;

/// <summary>
/// Result of one signal run at one mass. Yields are per electron on target at ε = 1 (multiply by ε²) for
/// E_A′ &gt; E_cut. Two independent estimators are given: the track-length estimator Σ n σ ℓ (zero extra variance,
/// docs/physics/aprime-emission.md#yield-estimator) and the weighted count of biased emissions; they agree within errors for any bias factor.
/// </summary>
public sealed record SignalRunResult
{
    /// <summary>Production model key.</summary>
    public required string ModelName { get; init; }

    /// <summary>A′ mass, GeV.</summary>
    public required double MassGeV { get; init; }

    /// <summary>Beam energy E0 (total), GeV.</summary>
    public required double BeamGeV { get; init; }

    /// <summary>E_cut, GeV.</summary>
    public required double CutGeV { get; init; }

    /// <summary>Mode.</summary>
    public required SignalMode Mode { get; init; }

    /// <summary>Run coupling ε.</summary>
    public required double Epsilon { get; init; }

    /// <summary>Bias factor B of A′-strahlung.</summary>
    public required double BiasFactor { get; init; }

    /// <summary>Bias factor of resonant annihilation.</summary>
    public required double AnnihilationBiasFactor { get; init; }

    /// <summary>Whether resonant annihilation was on.</summary>
    public required bool ResonantAnnihilation { get; init; }

    /// <summary>Simulated electrons.</summary>
    public required long Events { get; init; }

    /// <summary>
    /// RNG event index of the first simulated electron: the run covers indices [FirstEvent, FirstEvent + Events) of
    /// stream <c>Signal</c> (<see cref="SignalEvent.EventIndex"/> lies in that range).
    /// </summary>
    public long FirstEvent { get; init; }

    /// <summary>Events with an emission.</summary>
    public required long Emissions { get; init; }

    /// <summary>Mean charged transport steps per event (cost indicator).</summary>
    public required double ChargedStepsPerEvent { get; init; }

    /// <summary>Detector mode with fast showers: the content address (SHA-256, <see cref="Shower.Fast.ShowerLibraryKey.Digest()"/>)
    /// of the shower library the run used, the same whether it was built or loaded from the disk cache; null for analog runs.</summary>
    public string? ShowerLibraryDigest { get; init; }

    /// <summary>Mean photon transport steps per event.</summary>
    public required double NeutralStepsPerEvent { get; init; }

    /// <summary>Track-length estimator, A′-strahlung.</summary>
    public required YieldEstimate EstimatorBrem { get; init; }

    /// <summary>Track-length estimator, resonant annihilation (0 when off).</summary>
    public required YieldEstimate EstimatorAnnihilation { get; init; }

    /// <summary>Track-length estimator, both processes (the MC yield n_A′ per EOT at ε = 1).</summary>
    public required YieldEstimate Estimator { get; init; }

    /// <summary>Weighted emission count, A′-strahlung (per EOT, ε = 1).</summary>
    public required YieldEstimate EmissionsBrem { get; init; }

    /// <summary>Weighted emission count, annihilation (per EOT, ε = 1).</summary>
    public required YieldEstimate EmissionsAnnihilation { get; init; }

    /// <summary>Weighted emission count, both processes (per EOT, ε = 1).</summary>
    public required YieldEstimate EmissionsTotal { get; init; }

    /// <summary>Mean importance weight over all events (emission or not); 1 within errors for exact weights.</summary>
    public required YieldEstimate MeanEventWeight { get; init; }

    /// <summary>Weighted E_A′ (= E_miss) spectrum of the emissions, 0 … E0 (Σw per bin = per EOT at ε = 1).</summary>
    public required WeightedHistogram MissingEnergy { get; init; }

    /// <summary>Mean e± track length per EOT (cm, all materials) per bin of total energy, E_cut … E0.</summary>
    public required IReadOnlyList<double> TrackLengthCmPerEot { get; init; }

    /// <summary>The e⁺ part of <see cref="TrackLengthCmPerEot"/>, cm per EOT per bin.</summary>
    public required IReadOnlyList<double> PositronTrackLengthCmPerEot { get; init; }

    /// <summary>Kept events (empty unless requested), in event order.</summary>
    public required IReadOnlyList<SignalEvent> Kept { get; init; }

    /// <summary>Readout section names of the geometry (deposit arrays of <see cref="SignalEvent"/>).</summary>
    public required IReadOnlyList<string> SectionNames { get; init; }

    /// <summary>Cells per section.</summary>
    public required int CellsPerSection { get; init; }

    /// <summary>Geometry name.</summary>
    public required string GeometryName { get; init; }

    /// <summary>Production model description (output metadata).</summary>
    public required string ModelDescription { get; init; }
}
