using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Tests;

/// <summary>
/// Debugging aid: records every step (type, energy, continuous loss, length, slab, material) into a list, including
/// the range-out steps of particles stopped below their cut. It allocates; use it for a few events only.
/// </summary>
public readonly struct StepHistoryObserver : IShowerObserver
{
    /// <summary>Creates an observer appending to <paramref name="history"/>.</summary>
    public StepHistoryObserver(List<StepPoint> history) => History = history ?? throw new ArgumentNullException(nameof(history));

    /// <summary>The recorded steps, in transport order.</summary>
    public List<StepPoint> History { get; }

    /// <inheritdoc />
    public void OnStep(in StepPoint point) => History.Add(point);

    /// <inheritdoc />
    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

    /// <inheritdoc />
    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

    /// <inheritdoc />
    public void OnLeak(in LeavingParticle particle, double budgetGeV) { }

    /// <inheritdoc />
    public void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
