using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Fast;

/// <summary>Observer of the library build: deposits go to a <see cref="SpotAccumulator"/>, steps to a
/// <see cref="TrackSegmentAccumulator"/> (slab phases in the library medium, which starts at phase 0), and energy removed
/// invisibly is summed per process index, so a substituted shower books it as invisible again, not as leakage.</summary>
internal readonly struct LibraryRecorder(SpotAccumulator spots, TrackSegmentAccumulator segments, double[] invisibleByProcess, int period)
    : IShowerObserver
{
    public void OnStep(in StepPoint point) => segments.Add(point.Type, point.Slab % period, point.KineticEnergyGeV, point.LengthCm);

    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) => spots.Add(slab, xCm, yCm, energyGeV, visibleGeV);

    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

    public void OnLeak(in LeavingParticle particle, double budgetGeV) { }

    public void OnInvisible(int processIndex, double energyGeV, int slab) => invisibleByProcess[processIndex] += energyGeV;
}
