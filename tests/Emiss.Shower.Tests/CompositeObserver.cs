using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Tests;

/// <summary>Forwards every hook to two observers (e.g. the standard tally and a user's per-step estimator).</summary>
/// <typeparam name="TFirst">First observer type.</typeparam>
/// <typeparam name="TSecond">Second observer type.</typeparam>
public struct CompositeObserver<TFirst, TSecond> : IShowerObserver
    where TFirst : struct, IShowerObserver
    where TSecond : struct, IShowerObserver
{
    private TFirst _first;
    private TSecond _second;

    /// <summary>Combines two observers.</summary>
    public CompositeObserver(TFirst first, TSecond second)
    {
        _first = first;
        _second = second;
    }

    /// <summary>The first observer.</summary>
    public readonly TFirst First => _first;

    /// <summary>The second observer.</summary>
    public readonly TSecond Second => _second;

    /// <inheritdoc />
    public void OnStep(in StepPoint point) { _first.OnStep(point); _second.OnStep(point); }

    /// <inheritdoc />
    public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { _first.OnDeposit(slab, xCm, yCm, energyGeV, visibleGeV); _second.OnDeposit(slab, xCm, yCm, energyGeV, visibleGeV); }

    /// <inheritdoc />
    public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { _first.OnInteraction(processIndex, incoming, slab); _second.OnInteraction(processIndex, incoming, slab); }

    /// <inheritdoc />
    public void OnLeak(in LeavingParticle particle, double budgetGeV) { _first.OnLeak(particle, budgetGeV); _second.OnLeak(particle, budgetGeV); }

    /// <inheritdoc />
    public void OnInvisible(int processIndex, double energyGeV, int slab) { _first.OnInvisible(processIndex, energyGeV, slab); _second.OnInvisible(processIndex, energyGeV, slab); }
}
