using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.Kinematics;
using Emiss.Shower.Processes.MultipleScattering;

namespace Emiss.Shower.Transport;

/// <summary>
/// <see cref="MscSpatial.PrestaII"/>: the step limitation and the end-of-step scattering of the EGSnrc-style electron
/// step (docs/physics/multiple-scattering.md#presta-ii-electron-step). Below 100 MeV a particle that can reach a slab face
/// steps at most its safety (the distance to the nearest face), so that the sampled end point, which lies within s of
/// the start, cannot leave the slab; within one elastic mean free path of a face it takes single-scattering-like steps
/// of that length without displacement, and those steps cross the face. Kawrakow, Med. Phys. 27, 485 (2000): this
/// "exact boundary crossing" is what the step-size independence of the algorithm rests on.
/// </summary>
public sealed partial class ShowerTransport
{
    // EGSnrc's boundary-crossing skin is 3 elastic mean free paths; 1 (as in the DistanceToBoundary skin) gave the same
    // TestEm3 sampling fraction within 1.3σ (0.21696 vs 0.21637 ± 0.00027, 3200 showers, a first version of this step with
    // λ1 at the midpoint from the table) at 5 % fewer steps.
    private const int PrestaSkinElasticSteps = 1;

    // The end point reproduces the moments of exact transport to second order in τ = s/λ1; near faces the steps are also
    // bounded by τ ≤ 0.7. Without the bound TestEm3's sampling fraction came out 0.21940 (+0.9 % from the same showers with
    // every step ≤ 20 μm, 0.21751 ± 0.00027), and with Geant4's empirical shrink of long-step displacements instead
    // (Goudsmit–Saunderson model, 1.0136 − 0.0314τ above τ = 0.7) 0.21660 (−0.4 %); with it 0.21726 at 31 % more steps
    // (docs/physics/multiple-scattering.md#presta-ii-electron-step).
    private const double PrestaMaxTau = 0.7;

    /// <summary>Step of <see cref="MscSpatial.PrestaII"/> below 100 MeV for a particle that can reach a face: at most the
    /// safety and 0.7 λ1 (above 100 MeV, UseSafety as for the other algorithms); <paramref name="inSkin"/> is set within the
    /// skin around a face.</summary>
    private double PrestaStepLimit(in TrackState p, double tPath, double lambda0, int mat, double safety, out bool inSkin)
    {
        double elastic = _msc!.Scales(p.Type, mat, p.T, lambda0).ElasticStepCm;
        inSkin = safety <= PrestaSkinElasticSteps * elastic;
        return Math.Min(tPath, inSkin ? elastic : Math.Min(safety, PrestaMaxTau * lambda0));
    }

    /// <summary>
    /// Ends a condensed step of true length <paramref name="s"/> (from kinetic energy <paramref name="t0"/> to the track's
    /// current energy, ln T = <paramref name="lnTEnd"/> or NaN when it lost less than 0.4 %) that advanced
    /// <paramref name="z"/> along its initial direction: two half-step deflections, the end point of
    /// <see cref="ElectronStepPosition"/> and the composed direction. A step that ended on a face stays on it and is displaced
    /// only laterally (at most √(s² − z²)); any other end point is kept inside the slab.
    /// </summary>
    private StepLimit ScatterPrestaII(ref TrackState p, double t0, double s, double z, double lambda0, double lnTEnd, int mat,
        StepLimit limit, ref EventRng rng)
    {
        long tick = _profile.Start();
        bool lost = !double.IsNaN(lnTEnd);
        double tEnd = lost ? p.T : t0, tMid = 0.5 * (t0 + tEnd);
        double lambdaEnd = lost ? _msc!.Lambda1Cm(p.Type, mat, lnTEnd) : lambda0;
        // λ1 linear in the path over a step, as Urban's τ assumes (UrbanScattering.Sample).
        double lambdaMid = 0.5 * (lambda0 + lambdaEnd);
        double minStep = _msc!.Scales(p.Type, mat, t0, lambda0).MinimumStepCm;
        double h = 0.5 * s;
        ScatteringSample first = _msc.Sample(new ScatteringStep(p.Type, mat, t0, tMid, h, h, lambda0, lambdaMid, minStep, false), ref rng);
        ScatteringSample second = _msc.Sample(new ScatteringStep(p.Type, mat, tMid, tEnd, h, h, lambdaMid, lambdaEnd, minStep, false), ref rng);
        double tau = 0.5 * s * (1.0 / lambda0 + 1.0 / lambdaEnd);
        (double x, double y, double zEnd, double ux, double uy, double uz) =
            ElectronStepPosition.Sample(first, second, tau, G2OverG1(p.Type, mat, tMid), rng.NextDouble());
        double dx = s * x, dy = s * y, dz = s * zEnd - z;
        if (limit == StepLimit.SlabFace)
        {
            double r2 = dx * dx + dy * dy, rMax2 = Math.Max(0.0, (s - z) * (s + z));
            if (r2 > rMax2)
            {
                double f = Math.Sqrt(rMax2 / r2);
                dx *= f;
                dy *= f;
            }
            dz = 0.0;
        }
        double u0x = p.Ux, u0y = p.Uy, u0z = p.Uz, perp = Direction.Perp(u0x, u0y);   // one frame for both rotations
        (double lx, double ly, double lz) = Direction.RotateUz(u0x, u0y, u0z, perp, dx, dy, dz);
        p.X += lx; p.Y += ly;
        if (limit != StepLimit.SlabFace) _nav.ShiftZWithinSlab(ref p, lz);
        double norm = 1.0 / Math.Sqrt(ux * ux + uy * uy + uz * uz);
        (p.Ux, p.Uy, p.Uz) = Direction.RotateUz(u0x, u0y, u0z, perp, ux * norm, uy * norm, uz * norm);
        _profile.EndScattering(tick);
        if (limit != StepLimit.LateralEdge && _nav.Outside(p.X, p.Y)) limit = StepLimit.LateralEdge;
        return limit;
    }

    /// <summary>G2/G1 of the screened Rutherford law at kinetic energy <paramref name="kineticGeV"/> in material
    /// <paramref name="mat"/>, with Molière's screening for the material's effective Z.</summary>
    private double G2OverG1(ShowerSpecies type, int mat, double kineticGeV)
    {
        double mass = ShowerSpeciesInfo.MassGeV(type);
        double p2 = kineticGeV * (kineticGeV + 2.0 * mass), e = kineticGeV + mass;
        return ElectronStepPosition.G2OverG1(TransportCrossSection.MoliereScreening(_mscScreening[mat], p2, p2 / (e * e)));
    }
}
