using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Fast;

/// <summary>Observer of the library build: forwards every deposit to a <see cref="SpotAccumulator"/>.</summary>
internal readonly struct SpotRecorder(SpotAccumulator accumulator) : IShowerObserver
{
    public void OnStep(in StepPoint point) { }

    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV) => accumulator.Add(slab, xCm, yCm, energyGeV);

    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

    public void OnLeak(in LeavingParticle particle, double budgetGeV) { }

    public void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
