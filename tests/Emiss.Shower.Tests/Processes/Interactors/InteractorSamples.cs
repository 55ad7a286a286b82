using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Xunit;

namespace Emiss.Shower.Tests.Processes.Interactors;

/// <summary>
/// Drives one <see cref="IProcess.Interact"/> directly (no transport) on many incoming particles and checks the
/// four-momentum bookkeeping of every final state. The incoming direction is tilted off the z axis so that the
/// rotation into the lab frame is exercised.
/// </summary>
internal static class InteractorSamples
{
    /// <summary>Samples per process and energy: ≥ 10⁴ as required for conservation, 10⁵ for the shape tests.</summary>
    public const int Count = 100_000;

    public static readonly (double X, double Y, double Z) Direction = Normalize(0.3, -0.4, 0.866);

    /// <summary>Pure lead, standard physics (material index 0 of pb-thick).</summary>
    public static ShowerPhysics Lead => TestShowers.Physics("pb-thick");

    /// <summary>Pure lead without LPM and dielectric suppression, where Tsai's complete-screening spectra apply unmodified.</summary>
    public static ShowerPhysics LeadUnsuppressed => TestShowers.Physics("pb-thick", PhysicsOptions.Standard with { Lpm = false, DielectricSuppression = false });

    public static IProcess Process(ShowerPhysics physics, string name) => physics.Processes.Single(p => p.Name == name);

    public static Interaction[] Run(IProcess process, ShowerSpecies type, double kineticGeV, ulong seed, int count = Count)
    {
        var state = new ParticleState(type, kineticGeV, Direction.X, Direction.Y, Direction.Z, 0);
        var result = new Interaction[count];
        for (int i = 0; i < count; i++)
        {
            EventRng rng = RngStreams.For(seed, StreamKind.Shower, (ulong)i);
            result[i] = process.Interact(state, ref rng);
        }
        return result;
    }

    /// <summary>Momentum |p| = √(T(T + 2m)) of a species with kinetic energy T, GeV.</summary>
    public static double MomentumGeV(ShowerSpecies type, double kineticGeV)
    {
        double m = ShowerSpeciesInfo.MassGeV(type);
        return Math.Sqrt(kineticGeV * (kineticGeV + 2 * m));
    }

    /// <summary>
    /// Energy budget closes to round-off (in = survivor + secondaries + local + invisible, <see cref="ShowerSpeciesInfo.BudgetGeV"/>),
    /// kinetic energies are ≥ 0 and directions are unit vectors. Returns the momentum the final state lacks,
    /// q = p_in − Σ p_out (GeV): what a nucleus or atom must take up.
    /// </summary>
    public static (double X, double Y, double Z) CheckBudgetAndGetRecoil(ShowerSpecies type, double kineticGeV, in Interaction r)
    {
        double budgetIn = ShowerSpeciesInfo.BudgetGeV(type, kineticGeV);
        double budgetOut = r.LocalDepositGeV + r.InvisibleGeV;
        (double px, double py, double pz) = Scale(Direction, MomentumGeV(type, kineticGeV));
        if (!r.Absorbed)
        {
            AssertTrack(r.KineticEnergyGeV, r.Ux, r.Uy, r.Uz);
            budgetOut += ShowerSpeciesInfo.BudgetGeV(type, r.KineticEnergyGeV);
            double p = MomentumGeV(type, r.KineticEnergyGeV);
            px -= p * r.Ux; py -= p * r.Uy; pz -= p * r.Uz;
        }
        for (int s = 0; s < r.SecondaryCount; s++)
        {
            SecondaryParticle sec = s == 0 ? r.Secondary0 : r.Secondary1;
            AssertTrack(sec.KineticEnergyGeV, sec.Ux, sec.Uy, sec.Uz);
            budgetOut += ShowerSpeciesInfo.BudgetGeV(sec.Type, sec.KineticEnergyGeV);
            double p = MomentumGeV(sec.Type, sec.KineticEnergyGeV);
            px -= p * sec.Ux; py -= p * sec.Uy; pz -= p * sec.Uz;
        }
        Assert.True(r.LocalDepositGeV >= 0 && r.InvisibleGeV >= 0, "local and invisible energies must be ≥ 0");
        Assert.True(Math.Abs(budgetIn - budgetOut) <= 1e-12 * budgetIn, $"energy budget: in {budgetIn:R} GeV, out {budgetOut:R} GeV");
        return (px, py, pz);
    }

    public static double Norm((double X, double Y, double Z) v) => Math.Sqrt(v.X * v.X + v.Y * v.Y + v.Z * v.Z);

    /// <summary>Cosine of the angle between a final-state direction and the incoming one.</summary>
    public static double CosToBeam(double ux, double uy, double uz) => ux * Direction.X + uy * Direction.Y + uz * Direction.Z;

    /// <summary>Edges evenly spaced in ln between <paramref name="lo"/> and <paramref name="hi"/>, exponentiated.</summary>
    public static double[] LogEdges(double lo, double hi, int count) =>
        [.. Enumerable.Range(0, count + 1).Select(i => lo * Math.Exp(Math.Log(hi / lo) * i / count))];

    public const double Me = PhysicalConstants.ElectronMassGeV;

    private static void AssertTrack(double kinetic, double ux, double uy, double uz)
    {
        Assert.True(kinetic >= 0 && double.IsFinite(kinetic), $"kinetic energy {kinetic}");
        Assert.True(Math.Abs(ux * ux + uy * uy + uz * uz - 1) < 1e-12, $"direction ({ux}, {uy}, {uz}) is not a unit vector");
    }

    private static (double X, double Y, double Z) Scale((double X, double Y, double Z) u, double s) => (u.X * s, u.Y * s, u.Z * s);

    private static (double X, double Y, double Z) Normalize(double x, double y, double z)
    {
        double n = Math.Sqrt(x * x + y * y + z * z);
        return (x / n, y / n, z / n);
    }
}
