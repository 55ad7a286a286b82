using Emiss.Core.Random;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Calorimeter deposits of one particle entering the calorimeter system (ECAL face plane): the seam between
/// the fast parametrised model and the full shower engine. Implementations are immutable and thread-safe;
/// all randomness comes from the caller's per-event generator.
/// </summary>
public interface ICalorimeterShowerModel
{
    /// <summary>Run-card name of the model ("parametrised", "full").</summary>
    string Name { get; }

    /// <summary>Adds the particle's signals to <paramref name="into"/> (which is not cleared).</summary>
    void Deposit(in IncidentParticle particle, ref EventRng rng, CalorimeterDeposits into);
}
