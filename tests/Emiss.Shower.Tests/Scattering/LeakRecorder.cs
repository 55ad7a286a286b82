using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>Records every particle that leaves the world (exit point, direction, energy) into a shared list.</summary>
internal readonly struct LeakRecorder(List<LeavingParticle> leaks) : IShowerObserver
{
    public void OnStep(in StepPoint point) { }

    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

    public void OnLeak(in LeavingParticle particle, double budgetGeV) => leaks.Add(particle);

    public void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
