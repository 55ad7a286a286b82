using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Kinematics;
using Emiss.Shower.Processes.MultipleScattering;

namespace Emiss.Shower.Transport;

/// <summary>
/// Multiple scattering in charged stepping: the step limitation near boundaries (Urban, CERN-OPEN-2006-077, sect. 4;
/// the UseSafety and DistanceToBoundary algorithms of Geant4's G4UrbanMscModel), λ1 at the end of a step, and the
/// deflection and displacement applied at the end of a step.
/// </summary>
public sealed partial class ShowerTransport
{
    private const double MscSafetyFactor = 0.6;          // UseSafety: a step may always go 0.6 × safety
    private const double MscLambdaLimitCm = 0.1;         // UseSafety: f_r grows with λ1 above 1 mm (e±)
    private const double MscGeometryFactor = 2.5;        // DistanceToBoundary: ≥ 2.5 steps to cross a volume
    private const int MscSkin = 1;                       // DistanceToBoundary: skin = 1 elastic step each side
    private const double MscLinearLossLimit = 0.05;      // λ1 taken constant over steps shorter than 5 % of the range

    // Above 100 MeV scattering over a layer is small (λ1 of 100 MeV e⁻ in Pb ≈ 30 cm) and DistanceToBoundary falls back
    // to UseSafety, as Geant4's lists hand e± above 100 MeV from Urban to WentzelVI, whose limit has no skin.
    private const double MscSkinMaxKineticGeV = 0.1;

    // Random hinge: the largest step in transport mean free paths, τ = t/λ1. The hinge's spatial moments are exact only to
    // first order in τ (mean advance t(1 + e^{−τ})/2 against Lewis's λ1(1 − e^{−τ}): +0.7 % at τ = 0.3, +50 % at τ = 2.6);
    // PENELOPE keeps its hinge steps at a mean deflection C1 ≲ 0.1–0.2 for the same reason. 0.3 is the largest bound
    // tried that brings the NA64 ECAL sampling term at f_r 0.2 back to that at f_r 0.04 (ratio 1.014 ± 0.006 instead of
    // 0.954 ± 0.008; 0.5 left it 2.8σ low; issue 13, docs/physics/multiple-scattering.md#cause-of-the-hinges-f_r-dependent-resolution).
    private const double HingeMaxTau = 0.3;

    /// <summary>
    /// Limits the true path <paramref name="tPath"/> for multiple scattering. A particle whose straight-line reach
    /// (<see cref="IMultipleScattering.MaxReachPerRange"/> × range; the whole range with the random hinge or PRESTA-II) is below
    /// the safety cannot reach a boundary and is not limited. Otherwise the limits fixed on entering the volume apply (see
    /// <see cref="MscStepping"/>; DistanceToBoundary only below 100 MeV); the limit is smeared by a Gaussian of 10 % so that steps do not synchronise with layers.
    /// </summary>
    private double ScatteringStepLimit(ref MscTrackLimits st, in TrackState p, double tPath, double range, double lambda0,
        int mat, double distanceAhead, ref EventRng rng, out bool inSkin, out bool farFromBoundaries)
    {
        inSkin = false;
        farFromBoundaries = false;
        double safety = _nav.Safety(p);
        if (_prestaII && p.T <= MscSkinMaxKineticGeV)
            return range <= safety ? tPath : PrestaStepLimit(p, tPath, lambda0, mat, safety, out inSkin);
        // A particle that cannot reach a face needs no limit. For the mean projection that is a straight-line reach
        // below the safety (Urban's fit, MaxReachPerRange: 0.55 R in lead), as in Geant4's G4UrbanMscModel. The random
        // hinge's steps are step independent only while short (HingeMaxTau), so it keeps the whole range, as PRESTA-II does
        // for its steps above 100 MeV that come here: with the reach the hinge's backscatter coefficient moved with the
        // maximum step (η(1 MeV e⁻, Al) 0.113 against 0.104 at a tenth of it).
        double reach = _randomHinge || _prestaII ? range : range * _msc!.MaxReachPerRange(p.Type, mat);
        if (reach <= safety)
        {
            farFromBoundaries = true;
            return tPath;
        }
        bool electronLike = p.Type is ShowerSpecies.Electron or ShowerSpecies.Positron;
        if (_mscStepping == MscStepping.UseSafety || p.T > MscSkinMaxKineticGeV)
        {
            if (st.Fresh) FixLimits(ref st, p, range, lambda0, mat, electronLike, double.PositiveInfinity);
            double tl = Math.Max(Math.Max(st.RangeFactor * st.RangeInit, MscSafetyFactor * safety), st.MinimumStep);
            return tl < tPath ? Math.Min(tPath, RandomizeLimit(tl, st.MinimumStep, ref rng)) : tPath;
        }

        st.StepsInVolume++;
        if (st.Fresh) FixLimits(ref st, p, range, lambda0, mat, false, distanceAhead);
        double tlimit = Math.Min(Math.Max(st.RangeFactor * st.RangeInit, st.MinimumStep), st.GeometryLimit);
        double skinDepth = MscSkin * st.ElasticStep;
        if (st.StepsInVolume <= MscSkin) { tlimit = st.ElasticStep; inSkin = true; }
        else if (!double.IsPositiveInfinity(distanceAhead))
        {
            if (distanceAhead > skinDepth) tlimit = Math.Min(tlimit, distanceAhead - 0.999 * skinDepth);
            else { inSkin = true; tlimit = Math.Min(tlimit, st.ElasticStep); }
        }
        // The random hinge is step independent only while a step is a small fraction of the *current* range: with the limit
        // fixed on entry (f_r R_entry), a slowed-down e± takes steps of many λ1 and η(1 MeV e⁻, Pb) came out 0.480 instead of
        // the converged 0.457–0.461 (docs/physics/multiple-scattering.md#spatial-algorithm).
        if (_randomHinge && !inSkin) tlimit = Math.Min(tlimit, Math.Max(st.RangeFactor * range, st.MinimumStep));
        // Nor while a step is many λ1 long: a sub-MeV e⁻ in Pb stepped τ ≈ 2.6 at f_r 0.2 and went too far (HingeMaxTau).
        if (_randomHinge && !inSkin) tlimit = Math.Min(tlimit, Math.Max(HingeMaxTau * lambda0, st.MinimumStep));
        tlimit = Math.Max(tlimit, st.ElasticStep);
        return tlimit < tPath && !inSkin ? Math.Min(tPath, RandomizeLimit(tlimit, st.MinimumStep, ref rng)) : Math.Min(tPath, tlimit);
    }

    /// <summary>Fixes the limits of the volume just entered (or of a new track) at its first step near a boundary.</summary>
    private void FixLimits(ref MscTrackLimits st, in TrackState p, double range, double lambda0, int mat, bool useLambda,
        double distanceAhead)
    {
        ScatteringScales sc = _msc!.Scales(p.Type, mat, p.T, lambda0);
        st.ElasticStep = sc.ElasticStepCm;
        st.MinimumStep = sc.MinimumStepCm;
        st.RangeInit = range;
        st.RangeFactor = _mscRangeFactor;
        if (useLambda)
        {
            // e± in the Geant4 9.1 manner: a particle that scatters little over its range steps on the λ1 scale.
            st.RangeInit = Math.Max(range, lambda0);
            if (lambda0 > MscLambdaLimitCm) st.RangeFactor *= 0.75 + 0.25 * lambda0 / MscLambdaLimitCm;
        }
        st.GeometryLimit = double.PositiveInfinity;
        if (distanceAhead < double.PositiveInfinity && distanceAhead > 1e-9)
        {
            double g = lambda0 > distanceAhead ? -lambda0 * Math.Log(1.0 - distanceAhead / lambda0) : distanceAhead;
            st.GeometryLimit = (st.EnteredThroughBoundary ? g : 2.0 * g) / MscGeometryFactor;
        }
        if (st.EnteredThroughBoundary) st.StepsInVolume = 1;
        st.Fresh = false;
    }

    private static double RandomizeLimit(double tlimit, double tmin, ref EventRng rng) =>
        tlimit > tmin ? Math.Max(tlimit + 0.1 * (tlimit - tmin) * rng.NextGaussian(), tmin) : tmin;

    /// <summary>λ1 at the end of a true path <paramref name="t"/>: λ1 at the start for steps shorter than 5 % of the range,
    /// else at the energy whose range is max(R − t, 0.01 R).</summary>
    private double LambdaAtEnd(ShowerSpecies species, int type, int mat, double t, double range, double lambda0)
    {
        if (!(t > MscLinearLossLimit * range)) return lambda0;
        double tEnd = _physics.InverseRange(type, mat, Math.Max(range - t, 0.01 * range));
        return _msc!.Lambda1Cm(species, mat, Math.Log(tEnd));
    }

    /// <summary>Turns the direction at the hinge of a step of true length <paramref name="s"/> that goes from kinetic energy
    /// <paramref name="t0"/> to <paramref name="tEnd"/> (ln T_end = <paramref name="lnTEnd"/>, NaN when it loses less than
    /// 0.4 %): the deflection of the whole step, no lateral displacement (the hinge's second segment makes it).</summary>
    private void Deflect(ref TrackState p, double t0, double tEnd, double s, double lambda0, double lnTEnd, int mat, ref EventRng rng)
    {
        long t1 = _profile.Start();
        double lambdaEnd = double.IsNaN(lnTEnd) ? lambda0 : _msc!.Lambda1Cm(p.Type, mat, lnTEnd);
        double minStep = _msc!.Scales(p.Type, mat, t0, lambda0).MinimumStepCm;
        ScatteringSample ms = _msc.Sample(new ScatteringStep(p.Type, mat, t0, tEnd, s, s, lambda0, lambdaEnd, minStep, false), ref rng);
        (p.Ux, p.Uy, p.Uz) = Direction.RotateUz(p.Ux, p.Uy, p.Uz, ms.SinTheta * ms.CosPhi, ms.SinTheta * ms.SinPhi, ms.CosTheta);
        _profile.EndScattering(t1);
    }

    /// <summary>Deflects the direction and displaces the end point of a step of true length <paramref name="s"/> and
    /// geometric length <paramref name="z"/> that started with kinetic energy <paramref name="t0"/> and ended with
    /// ln T = <paramref name="lnTEnd"/> (NaN when it lost less than 0.4 %), laterally only if <paramref name="displace"/>; returns
    /// <see cref="StepLimit.LateralEdge"/> if the displacement left the world, else <paramref name="limit"/>.</summary>
    private StepLimit Scatter(ref TrackState p, double t0, double s, double z, double lambda0, double lnTEnd, bool displace, int mat,
        StepLimit limit, ref EventRng rng)
    {
        long t1 = _profile.Start();
        // λ1 ∝ (pβ)² changes by < 1 % when the step loses < 0.4 % of T: the model then takes it constant anyway
        // (the caller passes ln T_end = NaN then).
        double lambdaEnd = double.IsNaN(lnTEnd) ? lambda0 : _msc!.Lambda1Cm(p.Type, mat, lnTEnd);
        double minStep = _msc!.Scales(p.Type, mat, t0, lambda0).MinimumStepCm;
        ScatteringSample ms = _msc.Sample(new ScatteringStep(p.Type, mat, t0, p.T, s, z, lambda0, lambdaEnd, minStep, displace), ref rng);
        double u0x = p.Ux, u0y = p.Uy, u0z = p.Uz, perp = Direction.Perp(u0x, u0y);   // one frame for both rotations
        (p.Ux, p.Uy, p.Uz) = Direction.RotateUz(u0x, u0y, u0z, perp, ms.SinTheta * ms.CosPhi, ms.SinTheta * ms.SinPhi, ms.CosTheta);
        if (ms.DxCm != 0 || ms.DyCm != 0)
        {
            (double dx, double dy, double dz) = Direction.RotateUz(u0x, u0y, u0z, perp, ms.DxCm, ms.DyCm, 0.0);
            p.X += dx; p.Y += dy;
            // Keep the displaced end point inside the current slab; a boundary-limited step stays on its plane.
            if (limit != StepLimit.SlabFace) _nav.ShiftZWithinSlab(ref p, dz);
        }
        _profile.EndScattering(t1);
        if (limit != StepLimit.LateralEdge && _nav.Outside(p.X, p.Y)) limit = StepLimit.LateralEdge;
        return limit;
    }
}
