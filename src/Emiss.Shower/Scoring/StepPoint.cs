namespace Emiss.Shower.Scoring;

/// <summary>One transport step, as seen by observers (e.g. the track-length estimator n·σ(E)·ℓ of the signal yield).</summary>
/// <param name="Type">Species.</param>
/// <param name="IsPrimary">True for the beam particle (and its continuation after interactions).</param>
/// <param name="KineticEnergyGeV">Kinetic energy at the start of the step, GeV.</param>
/// <param name="EnergyLossGeV">Continuous energy lost along the step, GeV.</param>
/// <param name="LengthCm">Step length, cm.</param>
/// <param name="Slab">Slab index.</param>
/// <param name="MaterialIndex">Material index.</param>
/// <param name="RadiationLengthCm">X0 of the material, cm.</param>
/// <param name="LogBin"><see cref="TrackLengthBins.LogBin"/> of <paramref name="KineticEnergyGeV"/> when the producer computed
/// it in advance (replayed library segments, whose bin is fixed when the library is built: that saves the look-up per segment,
/// ≈ 10⁵ per 100 GeV shower in fast mode), else <see cref="UnknownLogBin"/>.</param>
public readonly record struct StepPoint(ShowerSpecies Type, bool IsPrimary, double KineticEnergyGeV, double EnergyLossGeV,
    double LengthCm, int Slab, int MaterialIndex, double RadiationLengthCm, int LogBin = StepPoint.UnknownLogBin)
{
    /// <summary><see cref="LogBin"/> when the producer did not compute it.</summary>
    public const int UnknownLogBin = int.MinValue;
}
