using Emiss.Core.Random;
using Emiss.Shower.Processes;
using Emiss.Shower.Processes.Annihilation;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>Secondaries and track ends: a secondary above its cut goes on the stack, one below deposits locally;
/// stopped particles deposit their kinetic energy (positrons then annihilate at rest); leaving particles are booked
/// as leakage.</summary>
public sealed partial class ShowerTransport
{
    private void Emit<TObserver>(in SecondaryParticle s, ref TrackState parent, int mat, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        bool keep;
        if (s.Type == ShowerSpecies.Gamma) keep = s.KineticEnergyGeV > _trackingCut;
        else if (s.Type is ShowerSpecies.Electron or ShowerSpecies.Positron)
        {
            keep = s.KineticEnergyGeV > _eCut[mat];
            if (!keep && s.KineticEnergyGeV > _trackingCut)
            {
                // Range rejection at birth against every boundary of the slab, faces and lateral edge (see TransportCharged).
                keep = _physics.RangeCm(s.Type, mat, s.KineticEnergyGeV) >= _nav.IsotropicSafety(parent);
            }
            else if (keep && s.KineticEnergyGeV <= _rangeRejectionGeV[mat])
            {
                keep = _physics.RangeCm(s.Type, mat, s.KineticEnergyGeV) >= _nav.IsotropicSafety(parent);
            }
        }
        else keep = s.KineticEnergyGeV > MuonTrackingCutGeV;
        if (keep)
        {
            if (_stack.Count >= TransportBounds.MaxStackDepth)
                throw TransportBounds.Exceeded("the particle stack", TransportBounds.MaxStackDepth, parent, rng);
            _stack.Push(s.Type, s.KineticEnergyGeV, parent.X, parent.Y, parent.Z, s.Ux, s.Uy, s.Uz, parent.Slab, false);
            return;
        }
        var t = new TrackState { Type = s.Type, T = s.KineticEnergyGeV, X = parent.X, Y = parent.Y, Z = parent.Z, Ux = s.Ux, Uy = s.Uy, Uz = s.Uz, Slab = parent.Slab };
        Stop(ref t, ref rng, ref obs, ref ledger);
    }

    /// <summary>Deposits the kinetic energy locally; a positron then annihilates at rest into two 511 keV photons.</summary>
    private void Stop<TObserver>(ref TrackState p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        if (p.T > 0)
        {
            if (p.Type != ShowerSpecies.Gamma)
            {
                // Range-out step: the particle would travel its residual CSDA range while depositing T; report it so
                // track-length estimators match codes that track e± to zero energy (Geant4 TestEm2/3 definitions).
                int m = _geo.SlabMaterial[p.Slab];
                double r = _physics.RangeCm(p.Type, m, p.T);
                obs.OnStep(new StepPoint(p.Type, p.Primary, p.T, p.T, r, p.Slab, m, _x0[m]));
            }
            obs.OnDeposit(p.Slab, p.X, p.Y, p.T, VisibleAtPoint(p.Slab, p.T));
            ledger.DepositedGeV += p.T;
            ledger.BelowCutGeV += p.T;
        }
        if (p.Type != ShowerSpecies.Positron) return;
        ledger.PositronsEnded++;
        (SecondaryParticle a, SecondaryParticle b) = AnnihilationSampler.AtRest(ref rng);
        int mat = _geo.SlabMaterial[p.Slab];
        p.T = 0;
        p.Type = ShowerSpecies.Electron;   // the parent is gone; only its position matters for Emit
        Emit(a, ref p, mat, ref rng, ref obs, ref ledger);
        Emit(b, ref p, mat, ref rng, ref obs, ref ledger);
    }

    private static void Leak<TObserver>(ref TrackState p, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        double e = ShowerSpeciesInfo.BudgetGeV(p.Type, p.T);
        if (p.Type == ShowerSpecies.Positron) ledger.PositronsEnded++;
        obs.OnLeak(new LeavingParticle(p.Type, p.T, p.X, p.Y, p.Z, p.Ux, p.Uy, p.Uz), e);
        ledger.LeakedGeV += e;
    }
}
