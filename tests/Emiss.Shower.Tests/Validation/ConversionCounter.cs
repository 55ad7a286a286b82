using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Tests.Validation;

/// <summary>Counts photon conversions above 1, 10 and 50 GeV (V15) through the observer hook.</summary>
internal struct ConversionCounter(int conversionProcess) : IShowerObserver
{
    public long Above1 { get; private set; }
    public long Above10 { get; private set; }
    public long Above50 { get; private set; }

    public readonly void OnStep(in StepPoint point) { }

    public readonly void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

    public void OnInteraction(int processIndex, in ParticleState incoming, int slab)
    {
        if (processIndex != conversionProcess) return;
        if (incoming.KineticEnergyGeV > 1) Above1++;
        if (incoming.KineticEnergyGeV > 10) Above10++;
        if (incoming.KineticEnergyGeV > 50) Above50++;
    }

    public readonly void OnLeak(in LeavingParticle particle, double budgetGeV) { }

    public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
}
