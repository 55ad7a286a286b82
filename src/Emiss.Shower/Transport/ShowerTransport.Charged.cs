using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Ionisation;
using Emiss.Shower.Processes.Kinematics;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>
/// Charged stepping. Step = min(distance to the next discrete interaction, step-function limit
/// (<see cref="ContinuousLoss.StepLimit"/>), multiple-scattering limit near boundaries, distance to the next boundary).
/// Continuous loss from the range table with Urban fluctuations; deposit at the step midpoint; deflection and lateral
/// displacement at the end of the step. Particles below their cut deposit their kinetic energy locally (range
/// rejection), stopping positrons annihilate at rest.
/// </summary>
public sealed partial class ShowerTransport
{
    private void TransportCharged<TObserver>(ref TrackState p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        int type = (int)p.Type;
        bool isElectronLike = p.Type is ShowerSpecies.Electron or ShowerSpecies.Positron;
        double mass = ShowerSpeciesInfo.MassGeV(p.Type);
        EnergyGrid grid = _physics.Grid;
        int ng = grid.Count;
        double nLambda = rng.NextExponential();
        int steps = 0;
        while (true)
        {
            if (++steps > TransportBounds.MaxStepsPerTrack)
                throw TransportBounds.Exceeded("charged stepping", TransportBounds.MaxStepsPerTrack, p, rng);
            int mat = _geo.SlabMaterial[p.Slab];
            double cut = isElectronLike ? _eCut[mat] : MuonTrackingCutGeV;
            double lnT = Math.Log(p.T);
            ReadOnlySpan<double> rangeTab = _physics.RangeTables[type].AsSpan(mat * ng, ng);
            double range = grid.Interpolate(rangeTab, lnT);
            if (p.T <= cut)
            {
                // Below the production cut: range rejection (cannot leave the slab), else keep tracking to the tracking cut.
                if (!isElectronLike || p.T <= _trackingCut || range < _nav.Safety(p))
                {
                    Stop(ref p, ref rng, ref obs, ref ledger);
                    return;
                }
            }
            double sigTot = grid.Interpolate(_physics.SigmaTotal[type][mat], lnT);
            double sInt = sigTot > 0 ? nLambda / sigTot : double.PositiveInfinity;
            double sLoss = ContinuousLoss.StepLimit(range, _stepFraction, _finalRange);
            (double sGeo, bool lateral) = _nav.DistanceToBoundary(p);
            // True path t (energy loss, interactions) versus geometric advance z along the initial direction (PathLength).
            double tLim = Math.Min(sInt, sLoss);
            double lambda1 = double.PositiveInfinity;
            if (_msc is not null) tLim = ScatteringStepLimit(p, tLim, range, mass, mat, out lambda1);
            double zLim = PathLength.Geometric(tLim, lambda1);
            double s, zStep;
            StepLimit limit;
            if (zLim >= sGeo)
            {
                zStep = sGeo;
                s = Math.Min(PathLength.True(sGeo, lambda1), tLim);
                limit = lateral ? StepLimit.LateralEdge : StepLimit.SlabFace;
            }
            else
            {
                zStep = zLim;
                s = tLim;
                limit = tLim == sInt ? StepLimit.Interaction : StepLimit.Continuous;
            }

            double eloss;
            bool stopped = false;
            if (s >= range) { eloss = p.T; stopped = true; }
            else
            {
                if (s < 0.01 * range) eloss = grid.Interpolate(_physics.DedxTables[type].AsSpan(mat * ng, ng), lnT) * s;
                else eloss = p.T - _physics.InverseRange(type, mat, range - s);
                if (_fluct && eloss > 0)
                {
                    // e± lose continuously below their cut, heavier particles (full Bethe loss) up to W_max.
                    double tmax = UrbanFluctuation.MaxTransferGeV(p.Type, p.T, mass);
                    double tcut = isElectronLike ? Math.Min(cut, tmax) : tmax;
                    eloss = Math.Min(_physics.Fluctuations[mat].Sample(eloss, p.T, mass, tcut, tmax, s, ref rng), p.T);
                }
            }
            obs.OnStep(new StepPoint(p.Type, p.Primary, p.T, eloss, s, p.Slab, mat, _x0[mat]));
            ledger.ChargedSteps++;
            double xm = p.X + 0.5 * zStep * p.Ux, ym = p.Y + 0.5 * zStep * p.Uy;
            p.X += zStep * p.Ux; p.Y += zStep * p.Uy; p.Z += zStep * p.Uz;
            if (eloss > 0)
            {
                obs.OnDeposit(p.Slab, xm, ym, eloss);
                ledger.DepositedGeV += eloss;
            }
            p.T -= eloss;
            if (stopped || p.T <= 0)
            {
                p.T = 0;
                Stop(ref p, ref rng, ref obs, ref ledger);
                return;
            }
            nLambda -= sigTot * s;
            bool forward = p.Uz > 0;       // side of the face reached, fixed before scattering can turn the direction
            if (_msc is not null && s > 0) limit = Scatter(ref p, s, lambda1, limit, ref rng);
            if (limit == StepLimit.LateralEdge) { Leak(ref p, ref obs, ref ledger); return; }
            if (limit == StepLimit.SlabFace)
            {
                if (!_nav.CrossPlane(ref p, forward)) { Leak(ref p, ref obs, ref ledger); return; }
                continue;
            }
            if (limit == StepLimit.Interaction)
            {
                if (!Interact(ref p, mat, ref rng, ref obs, ref ledger)) return;
                if (_library is not null && TrySubstitute(ref p, ref rng, ref obs, ref ledger)) return;
                nLambda = rng.NextExponential();
            }
        }
    }

    /// <summary>
    /// The multiple-scattering step limit on a true path <paramref name="tLim"/>; returns the limited path and the
    /// transport mean free path λ1 for it. Where the particle can still reach a slab face (R &gt; safety), t ≤ max(f·λ1,
    /// safety), so that diffusion (including backscattering out of the slab) is built up from steps with τ ≲ 1 instead
    /// of one deterministic geometric advance (cf. Geant4 Urban "UseSafety").
    /// </summary>
    private double ScatteringStepLimit(in TrackState p, double tLim, double range, double mass, int mat, out double lambda1)
    {
        lambda1 = _msc!.TransportMeanFreePathCm(p.T, mass, Math.Min(tLim, range), _x0[mat]);
        double safety = _nav.Safety(p);
        double tMsc = Math.Max(_mscLambdaFactor * lambda1, safety);
        if (range > safety && tLim > tMsc)
        {
            tLim = tMsc;
            lambda1 = _msc.TransportMeanFreePathCm(p.T, mass, tLim, _x0[mat]);
        }
        return tLim;
    }

    /// <summary>Deflects the direction and displaces the end point of a step of true length <paramref name="s"/>; returns
    /// <see cref="StepLimit.LateralEdge"/> if the displacement left the world, else <paramref name="limit"/>.</summary>
    private StepLimit Scatter(ref TrackState p, double s, double lambda1, StepLimit limit, ref EventRng rng)
    {
        long t1 = _profile.Start();
        // θ0² ∝ t (the Highland log term varies slowly), so λ1 computed for the limiting step serves the actual one.
        ScatteringSample ms = _msc!.Sample(s, lambda1, ref rng);
        double u0x = p.Ux, u0y = p.Uy, u0z = p.Uz;
        (p.Ux, p.Uy, p.Uz) = Direction.RotateUz(u0x, u0y, u0z, ms.SinTheta * ms.CosPhi, ms.SinTheta * ms.SinPhi, ms.CosTheta);
        (double dx, double dy, double dz) = Direction.RotateUz(u0x, u0y, u0z, ms.DxCm, ms.DyCm, 0.0);
        p.X += dx; p.Y += dy;
        // Keep the displaced end point inside the current slab; a boundary-limited step stays on its plane.
        if (limit != StepLimit.SlabFace) _nav.ShiftZWithinSlab(ref p, dz);
        _profile.EndScattering(t1);
        if (limit != StepLimit.LateralEdge && _nav.Outside(p.X, p.Y)) limit = StepLimit.LateralEdge;
        return limit;
    }
}
