using Emiss.Core.Random;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>Discrete interactions: the process is chosen by its cross section (<see cref="DiscreteProcessSelector"/>),
/// its interactor (<see cref="IProcess.Interact"/>) samples the final state, and the loop applies it.</summary>
public sealed partial class ShowerTransport
{
    /// <summary>Samples the process, applies the final state; false if the particle is gone.</summary>
    private bool Interact<TObserver>(ref TrackState p, int mat, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        int type = (int)p.Type;
        double lnT = Math.Log(p.T);
        int pi = DiscreteProcessSelector.Select(_physics.ProcessesFor[type], _physics.SigmaTables[type][mat], _physics.Grid, lnT, ref rng);
        if (pi < 0) return true;
        var incoming = new ParticleState(p.Type, p.T, p.Ux, p.Uy, p.Uz, mat);
        obs.OnInteraction(pi, incoming, p.Slab);
        ledger.Interactions++;
        long t0 = _profile.Start();
        Interaction r = _processes[pi].Interact(incoming, ref rng);
        _profile.EndProcess(pi, t0);
        if (r.LocalDepositGeV > 0)
        {
            obs.OnDeposit(p.Slab, p.X, p.Y, r.LocalDepositGeV, VisibleAtPoint(p.Slab, r.LocalDepositGeV));
            ledger.DepositedGeV += r.LocalDepositGeV;
        }
        if (r.InvisibleGeV > 0)
        {
            obs.OnInvisible(pi, r.InvisibleGeV, p.Slab);
            ledger.InvisibleGeV += r.InvisibleGeV;
        }
        if (r.SecondaryCount > 0 && r.Secondary0.Type == ShowerSpecies.Positron) ledger.PositronsCreated++;
        if (r.SecondaryCount > 1 && r.Secondary1.Type == ShowerSpecies.Positron) ledger.PositronsCreated++;
        if (r.Absorbed && p.Type == ShowerSpecies.Positron) ledger.PositronsEnded++;
        if (r.SecondaryCount > 0) Emit(r.Secondary0, ref p, mat, ref rng, ref obs, ref ledger);
        if (r.SecondaryCount > 1) Emit(r.Secondary1, ref p, mat, ref rng, ref obs, ref ledger);
        if (r.Absorbed) return false;
        p.T = r.KineticEnergyGeV;
        p.Ux = r.Ux; p.Uy = r.Uy; p.Uz = r.Uz;
        if (p.T <= (p.Type is ShowerSpecies.MuonMinus or ShowerSpecies.MuonPlus ? MuonTrackingCutGeV : _trackingCut))
        {
            Stop(ref p, ref rng, ref obs, ref ledger);
            return false;
        }
        return true;
    }
}
