using System.Runtime.CompilerServices;
using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Ionisation;
using Emiss.Shower.Processes.Kinematics;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

/// <summary>
/// Charged stepping. Step = min(distance to the next discrete interaction, step-function limit
/// (<see cref="ContinuousLoss.StepLimit"/>), maximum step, multiple-scattering limit near boundaries
/// (ShowerTransport.Scattering.cs), distance to the next boundary).
/// Continuous loss from the range table with Urban fluctuations; deposit at the step midpoint; deflection and lateral
/// displacement at the end of the step, with <see cref="MscSpatial.PrestaII"/> an end point and direction from two half-step
/// deflections (ShowerTransport.PrestaII.cs), or with <see cref="MscSpatial.RandomHinge"/> a turn at a random point of the step
/// (docs/physics/multiple-scattering.md#spatial-algorithm). e± below their cut, and those up to <see cref="PhysicsOptions.RangeRejectionGeV"/> whose range is below the distance to every
/// boundary of the slab (faces and lateral edge), deposit their kinetic energy locally (range rejection); stopping positrons annihilate at rest.
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
        var mscLimits = MscTrackLimits.NewTrack;
        int steps = 0;
        // ln T of the energy at the end of the last scattered step (multiple scattering needs it for λ1 there), reused
        // by the next step's table look-ups when no interaction changed T in between.
        double lnCacheT = double.NaN, lnCacheValue = 0;
        while (true)
        {
            if (++steps > TransportBounds.MaxStepsPerTrack)
                throw TransportBounds.Exceeded("charged stepping", TransportBounds.MaxStepsPerTrack, p, rng);
            int mat = _geo.SlabMaterial[p.Slab];
            double cut = isElectronLike ? _eCut[mat] : MuonTrackingCutGeV;
            double lnT = p.T == lnCacheT ? lnCacheValue : Math.Log(p.T);
            // One grid position for every table read at this energy (range, Σ, λ1, dE/dx).
            GridPoint at = grid.Locate(lnT);
            double range = EnergyGrid.Interpolate(_physics.RangeTables[type].AsSpan(mat * ng, ng), at);
            if (p.T <= cut)
            {
                // Below the production cut: range rejection against every boundary of the slab, faces and lateral edge
                // (docs/physics/transport.md#tracking-cut-and-range-rejection), else keep tracking to the tracking cut.
                if (!isElectronLike || p.T <= _trackingCut || range < _nav.IsotropicSafety(p))
                {
                    Stop(ref p, ref rng, ref obs, ref ledger);
                    return;
                }
            }
            else if (isElectronLike && p.T <= _rangeRejectionGeV[mat] && range < _nav.IsotropicSafety(p))
            {
                // Range rejection above the cut (E_save): the residual range cannot reach any boundary of the slab.
                Stop(ref p, ref rng, ref obs, ref ledger);
                return;
            }
            double sigTot = EnergyGrid.Interpolate(_physics.SigmaTotal[type][mat], at);
            double sInt = sigTot > 0 ? nLambda / sigTot : double.PositiveInfinity;
            double sLoss = ContinuousLoss.StepLimit(range, _stepFraction, _finalRange);
            (double sGeo, bool lateral) = _nav.DistanceToBoundary(p);
            // True path t (energy loss, interactions) versus geometric advance z along the initial direction (PathLength).
            double tLim = Math.Min(Math.Min(sInt, sLoss), _maxStep);
            StepCause cause = tLim == sInt ? StepCause.Interaction : tLim == sLoss ? StepCause.EnergyLoss : StepCause.MaxStep;
            double lambda0 = double.PositiveInfinity, lambdaEnd = double.PositiveInfinity;
            bool inSkin = false, farFromBoundaries = false;
            if (_msc is not null)
            {
                lambda0 = _msc.Lambda1Cm(p.Type, mat, at);
                double tMsc = ScatteringStepLimit(ref mscLimits, p, tLim, range, lambda0, mat, sGeo, ref rng, out inSkin, out farFromBoundaries);
                if (tMsc < tLim) cause = inSkin ? StepCause.MscSkin : StepCause.MscLimit;
                tLim = tMsc;
                lambdaEnd = LambdaAtEnd(p.Type, type, mat, tLim, range, lambda0);
            }
            double s, eloss;
            bool stopped, forward;
            StepLimit limit;
            if (_msc is not null && !inSkin && _randomHinge)
            {
                // Random hinge (Fernández-Varea et al., NIM B 73, 447 (1993); PENELOPE): the whole step's loss and deflection
                // are sampled for the planned true path t, the track goes a uniform fraction ξt straight, turns, and goes the
                // rest straight along the new direction; a face met on either segment ends the step there.
                double t = tLim;
                eloss = ElossOver(t, range, at, type, mat, mass, p.T, ref rng, out stopped);
                double t0 = p.T;
                double t1 = rng.NextDouble() * t;
                double xd, yd, zd;
                if (t1 >= sGeo)
                {
                    s = sGeo;
                    xd = p.X + 0.5 * s * p.Ux; yd = p.Y + 0.5 * s * p.Uy; zd = p.Z + 0.5 * s * p.Uz;
                    p.X += s * p.Ux; p.Y += s * p.Uy; p.Z += s * p.Uz;
                    limit = lateral ? StepLimit.LateralEdge : StepLimit.SlabFace;
                    cause = lateral ? StepCause.LateralEdge : StepCause.SlabFace;
                    forward = p.Uz > 0;
                    if (s < t) { eloss *= s / t; stopped = false; }
                    (lnCacheT, lnCacheValue) = (double.NaN, 0.0);
                }
                else
                {
                    p.X += t1 * p.Ux; p.Y += t1 * p.Uy; p.Z += t1 * p.Uz;
                    xd = p.X; yd = p.Y; zd = p.Z;
                    double tEnd = t0 - eloss;
                    bool lost = tEnd < 0.996 * t0 && tEnd > 0;
                    double lnEnd = lost ? Math.Log(tEnd) : double.NaN;
                    Deflect(ref p, t0, tEnd, t, lambda0, lnEnd, mat, ref rng);
                    (double s2, bool lateral2) = _nav.DistanceToBoundary(p);
                    double rest = t - t1;
                    forward = p.Uz > 0;
                    if (rest >= s2)
                    {
                        s = t1 + s2;
                        p.X += s2 * p.Ux; p.Y += s2 * p.Uy; p.Z += s2 * p.Uz;
                        limit = lateral2 ? StepLimit.LateralEdge : StepLimit.SlabFace;
                        cause = lateral2 ? StepCause.LateralEdge : StepCause.SlabFace;
                        if (s < t) { eloss *= s / t; stopped = false; }
                        (lnCacheT, lnCacheValue) = (double.NaN, 0.0);
                    }
                    else
                    {
                        s = t;
                        p.X += rest * p.Ux; p.Y += rest * p.Uy; p.Z += rest * p.Uz;
                        limit = tLim == sInt ? StepLimit.Interaction : StepLimit.Continuous;
                        (lnCacheT, lnCacheValue) = lost ? (tEnd, lnEnd) : (double.NaN, 0.0);
                    }
                }
                int depositSlab = _geo.HasMultiSlabVolumes ? _nav.FollowBins(ref p, zd, limit == StepLimit.SlabFace, forward) : p.Slab;
                if (BookStep(ref p, cause, t0, eloss, s, mat, depositSlab, xd, yd, stopped, ref rng, ref obs, ref ledger)) return;
                nLambda -= sigTot * s;
            }
            else
            {
                double zLim = inSkin ? tLim : PathLength.Geometric(tLim, lambda0, lambdaEnd);
                double zStep;
                if (zLim >= sGeo)
                {
                    zStep = sGeo;
                    s = inSkin ? Math.Min(sGeo, tLim) : Math.Min(PathLength.True(sGeo, tLim, lambda0, lambdaEnd), tLim);
                    limit = lateral ? StepLimit.LateralEdge : StepLimit.SlabFace;
                    cause = lateral ? StepCause.LateralEdge : StepCause.SlabFace;
                }
                else
                {
                    zStep = zLim;
                    s = tLim;
                    limit = tLim == sInt ? StepLimit.Interaction : StepLimit.Continuous;
                }
                eloss = ElossOver(s, range, at, type, mat, mass, p.T, ref rng, out stopped);
                double xm = p.X + 0.5 * zStep * p.Ux, ym = p.Y + 0.5 * zStep * p.Uy, zm = p.Z + 0.5 * zStep * p.Uz;
                p.X += zStep * p.Ux; p.Y += zStep * p.Uy; p.Z += zStep * p.Uz;
                int depositSlab = _geo.HasMultiSlabVolumes ? _nav.FollowBins(ref p, zm, limit == StepLimit.SlabFace, p.Uz > 0) : p.Slab;
                double t0 = p.T;
                if (BookStep(ref p, cause, t0, eloss, s, mat, depositSlab, xm, ym, stopped, ref rng, ref obs, ref ledger)) return;
                nLambda -= sigTot * s;
                forward = p.Uz > 0;       // side of the face reached, fixed before scattering can turn the direction
                if (_msc is not null && s > 0)
                {
                    bool lost = p.T < 0.996 * t0;
                    double lnEnd = lost ? Math.Log(p.T) : double.NaN;
                    (lnCacheT, lnCacheValue) = lost ? (p.T, lnEnd) : (double.NaN, 0.0);
                    limit = _prestaII && !inSkin
                        ? ScatterPrestaII(ref p, t0, s, zStep, lambda0, lnEnd, mat, limit, ref rng)
                        : Scatter(ref p, t0, s, zStep, lambda0, lnEnd, !inSkin && (_displaceFarFromBoundaries || !farFromBoundaries), mat, limit, ref rng);
                }
            }
            if (limit == StepLimit.LateralEdge) { Leak(ref p, ref obs, ref ledger); return; }
            // Inside a volume of several readout bins the step and its displacement may have moved the track to another bin.
            if (_geo.HasMultiSlabVolumes && limit != StepLimit.SlabFace) p.Slab = _nav.SlabInVolumeAt(p.Z, p.Slab);
            if (limit == StepLimit.SlabFace)
            {
                if (!_nav.CrossPlane(ref p, forward)) { Leak(ref p, ref obs, ref ledger); return; }
                mscLimits = MscTrackLimits.EnteredVolume(mscLimits);
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
    /// Books a charged step that started at kinetic energy <paramref name="t0"/> (step profile, observer, ledger) and its
    /// deposit at (<paramref name="x"/>, <paramref name="y"/>) in slab <paramref name="slab"/> (the track's, unless a volume of
    /// several readout bins puts the deposit point in another), and takes the loss from the track; a track that stopped on
    /// the step or has no energy left is handed to <see cref="Stop"/>. Returns true when the track ended. Shared by the
    /// mean-projection and random-hinge steps, which differ only in where they deposit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool BookStep<TObserver>(ref TrackState p, StepCause cause, double t0, double eloss, double s, int mat, int slab, double x, double y,
                                     bool stopped, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        _profile.CountStep(cause, t0);
        obs.OnStep(new StepPoint(p.Type, p.Primary, t0, eloss, s, slab, mat, _x0[mat]));
        ledger.ChargedSteps++;
        if (eloss > 0)
        {
            obs.OnDeposit(slab, x, y, eloss, VisibleAlongStep(slab, p.Type, t0, eloss));
            ledger.DepositedGeV += eloss;
        }
        p.T -= eloss;
        if (!(stopped || p.T <= 0)) return false;
        p.T = 0;
        Stop(ref p, ref rng, ref obs, ref ledger);
        return true;
    }
}
