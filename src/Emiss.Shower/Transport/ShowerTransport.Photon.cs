using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>
/// Photons use delta (Woodcock) tracking through the slab stack: flights are sampled with the largest Σ of all
/// materials, and a tentative collision is real with probability Σ(material here)/Σ_max (Woodcock et al., ANL-7050
/// (1965)). This is exact and removes the slab-boundary steps (a photon crosses ~7 thin ECAL layers per
/// interaction). Observers still see one step per slab crossed, with its own length and X0.
/// </summary>
public sealed partial class ShowerTransport
{
    private void TransportPhoton<TObserver>(ref TrackState p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        EnergyGrid grid = _physics.Grid;
        double[][] sigmaGamma = _physics.SigmaTotal[(int)ShowerSpecies.Gamma];
        int flights = 0;
        while (true)
        {
            if (++flights > TransportBounds.MaxStepsPerTrack)
                throw TransportBounds.Exceeded("photon tracking", TransportBounds.MaxStepsPerTrack, p, rng);
            if (p.T <= _trackingCut)
            {
                Stop(ref p, ref rng, ref obs, ref ledger);
                return;
            }
            double lnK = Math.Log(p.T);
            double sigMax = grid.Interpolate(_physics.SigmaMaxGamma, lnK);
            double s = sigMax > 0 ? rng.NextExponential() / sigMax : double.PositiveInfinity;
            double sExit = _nav.DistanceToExit(p);
            bool leaves = s >= sExit;
            if (leaves) s = sExit;
            ScorePhotonFlight(p, s, ref obs);
            ledger.NeutralSteps++;
            p.X += s * p.Ux; p.Y += s * p.Uy; p.Z += s * p.Uz;
            if (leaves) { Leak(ref p, ref obs, ref ledger); return; }
            _nav.LocateSlab(ref p);
            int mat = _geo.SlabMaterial[p.Slab];
            double sig = grid.Interpolate(sigmaGamma[mat], lnK);
            if (rng.NextDouble() * sigMax >= sig) continue;       // virtual collision
            if (!Interact(ref p, mat, ref rng, ref obs, ref ledger)) return;
            if (_library is not null && TrySubstitute(ref p, ref rng, ref obs, ref ledger)) return;
        }
    }

    /// <summary>Reports a straight photon flight of length <paramref name="s"/> from the current point as one step per
    /// slab crossed. Each pass moves one slab on in the flight direction or ends the flight, so the loop runs at most
    /// once per slab.</summary>
    private void ScorePhotonFlight<TObserver>(in TrackState p, double s, ref TObserver obs)
        where TObserver : struct, IShowerObserver
    {
        int slab = p.Slab;
        double z = p.Z, left = s;
        while (left > 0)
        {
            double seg;
            int next;
            if (p.Uz > 0) { seg = (_geo.ZEdgesCm[slab + 1] - z) / p.Uz; next = slab + 1; }
            else if (p.Uz < 0) { seg = (_geo.ZEdgesCm[slab] - z) / p.Uz; next = slab - 1; }
            else { seg = left; next = slab; }
            if (seg >= left || (uint)next >= (uint)_geo.SlabCount) seg = left;
            if (seg < 0) seg = 0;
            int mat = _geo.SlabMaterial[slab];
            if (seg > 0) obs.OnStep(new StepPoint(ShowerSpecies.Gamma, p.Primary, p.T, 0.0, seg, slab, mat, _x0[mat]));
            left -= seg;
            if (left <= 0 || next == slab) break;
            z = p.Uz > 0 ? _geo.ZEdgesCm[next] : _geo.ZEdgesCm[slab];
            slab = next;
        }
    }
}
