using Emiss.Shower.Processes;

namespace Emiss.Shower.Scoring;

/// <summary>
/// Zero-cost hooks into the transport loop: implement as a struct and pass it as the generic argument of
/// <see cref="Transport.ShowerTransport.RunEvent{TObserver}"/>, so calls are inlined. Scorers, per-step estimators
/// and debugging step histories are all observers; two are combined by a struct observer that forwards to both.
/// </summary>
public interface IShowerObserver
{
    /// <summary>Every step of every particle.</summary>
    void OnStep(in StepPoint point);

    /// <summary>Energy deposited in a slab at transverse position (x, y), GeV, and the part of it a read-out sees,
    /// <paramref name="visibleGeV"/>: equal to it except in an active slab with Birks saturation
    /// (docs/physics/birks-saturation.md), where it is smaller. Energy bookkeeping uses the deposit, read-out signals the
    /// visible energy.</summary>
    void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV);

    /// <summary>A discrete interaction of process <paramref name="processIndex"/> (index in <see cref="PhysicsList.ShowerPhysics.Processes"/>).</summary>
    void OnInteraction(int processIndex, in ParticleState incoming, int slab);

    /// <summary>A particle leaves the world; <paramref name="budgetGeV"/> is the energy it carries (kinetic, + 2 m_e for e⁺).</summary>
    /// <param name="particle">Species, kinetic energy, exit point and direction.</param>
    /// <param name="budgetGeV">Energy carried out.</param>
    void OnLeak(in LeavingParticle particle, double budgetGeV);

    /// <summary>Energy removed invisibly by a process (e.g. A′ emission), GeV.</summary>
    void OnInvisible(int processIndex, double energyGeV, int slab);
}
