using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Tests;

/// <summary>An observer that records nothing (the transport's own ledger still balances energy).</summary>
public readonly struct NullObserver : IShowerObserver
{
    /// <inheritdoc />
    public void OnStep(in StepPoint point) { }

    /// <inheritdoc />
    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

    /// <inheritdoc />
    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

    /// <inheritdoc />
    public void OnLeak(in LeavingParticle particle, double budgetGeV) { }

    /// <inheritdoc />
    public void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
