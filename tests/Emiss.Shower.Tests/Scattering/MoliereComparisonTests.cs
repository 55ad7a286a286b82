using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes.MultipleScattering;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// The engine's angular distribution of high-energy e⁻ after a PbWO4 slab against Molière's theory
/// (<see cref="MoliereDistribution"/>; docs/physics/multiple-scattering.md#molière-theory-at-high-energy), issue 13's candidate (a): is Urban's
/// central width or tail too large above 100 MeV? The scattering model is called directly with no energy loss (the
/// slab in one step, or in 0.05 X0 steps composed in 3D, the shower's typical step above 100 MeV), so only the angular
/// model is judged.
/// Criteria fixed before the first run: θ_1/e (Hanson's 1/e width, the same fit applied to the engine's angles and to
/// angles sampled from Molière's distribution) within 5 % + 3σ_stat (Molière's own accuracy is ≈ 1 %, Urban's fit to
/// data a few %); the fraction of space angles beyond 2.5 θ0, θ0 = θ_1/e(Molière)/√2, within 25 % + 3σ of Molière's
/// at 100 MeV. At 1 and 5 GeV the engine's λ1 includes the nuclear size, which removes single scattering beyond
/// ħ/(pR) ≈ 36 and 7 mrad (Pb, R = 5.5 fm), angles of the tail and, at 5 GeV and 1 X0, of the width itself, while
/// Molière's point nucleus does not: there the tail is only bounded from above (≤ 1.25 × Molière + 3σ).
/// </summary>
public class MoliereComparisonTests(ITestOutputHelper output)
{
    private const double Mass = 0.51099895e-3;
    private const int Samples = 100_000;
    private static readonly Lazy<ShowerPhysics> Physics = new(() => TestShowers.Physics("testem2-pbwo4"));

    [Theory]
    [InlineData(0.1, 0.05, 1)]
    [InlineData(0.1, 0.2, 1)]
    [InlineData(0.1, 1.0, 1)]
    [InlineData(0.1, 1.0, 20)]
    [InlineData(1.0, 0.05, 1)]
    [InlineData(1.0, 0.2, 1)]
    [InlineData(1.0, 1.0, 20)]
    [InlineData(5.0, 0.05, 1)]
    [InlineData(5.0, 0.2, 1)]
    [InlineData(5.0, 1.0, 20)]
    public void Angular_distribution_in_PbWO4_matches_Moliere(double kineticGeV, double x0Fraction, int steps)
    {
        Comparison c = Compare(kineticGeV, x0Fraction, steps);
        Tolerance.Abs(0.05 * c.WidthRef + 3 * c.WidthSigma, "Molière θ1/e, 5 % + 3σ").AssertClose(c.WidthRef, c.WidthEngine, "θ1/e (rad)");
        if (kineticGeV <= 0.1)
            Tolerance.Abs(0.25 * c.TailRef + 3 * c.TailErr, "Molière tail, 25 % + 3σ").AssertClose(c.TailRef, c.TailEngine, "P(θ > 2.5θ0)");
        else
            Assert.True(c.TailEngine <= 1.25 * c.TailRef + 3 * c.TailErr, $"tail {c.TailEngine:F5} above 1.25 × Molière's {c.TailRef:F5} + 3σ");
    }

    /// <summary>Known miss: one 1 X0 step at 1 and 5 GeV is about 10 % narrower than Molière (the same slab in twenty
    /// 0.05 X0 steps is within 3 %; e± steps above 100 MeV in TestEm2 have a median of 0.05–0.06 X0 and a 90th percentile of
    /// 0.16–0.20 X0, docs/physics/multiple-scattering.md#molière-theory-at-high-energy, so this does not widen TestEm2's
    /// core; it narrows, the opposite sign). Gold values from the 2026-12-03 run (seed 20261203, 10⁵ e⁻; 3σ batch errors).</summary>
    [Theory]
    [InlineData(1.0, 17.4180e-3, 0.1396e-3)]
    [InlineData(5.0, 3.5183e-3, 0.0278e-3)]
    public void One_X0_in_a_single_step_is_narrower_than_Moliere(double kineticGeV, double gold, double goldSigma)
    {
        Comparison c = Compare(kineticGeV, 1.0, 1);
        KnownDiscrepancy.Pin(output, $"θ1/e after 1 X0 PbWO4 in one step, {kineticGeV} GeV e⁻ (rad)", c.WidthEngine,
            new GoldValue(gold, 3 * goldSigma, "2026-12-03, seed 20261203, 10⁵ e⁻, 3σ of 10 batches"),
            new PhysicsTarget(c.WidthRef, 0.05 * c.WidthRef + 3 * c.WidthRefErr, "Molière (Bethe 1953), 5 % + 3σ of its sampled estimate"),
            "Urban's core for a thick single step at constant energy is narrower than Molière's (0.90 of it) while twenty 0.05 X0 steps give 0.97–0.98: "
            + "the model's width depends on the step at 1 X0; not investigated further (thick steps are rare for e± above 100 MeV in a shower)");
    }

    /// <summary>
    /// Below the shower's 100 MeV, where backscattering is decided: 1 and 3 MeV e⁻ in aluminium and lead, slabs of
    /// τ = t/λ1 = 0.1 and 0.3 (the steps a 1 MeV e⁻ takes: λ1 = 69 μm in Pb, f_r R ≈ τ 0.5) in one step at constant energy.
    /// Criteria as above and fixed before the first run: θ_1/e within 5 % + 3σ, the tail beyond 2.5 θ0 within 25 % + 3σ
    /// (Molière's point nucleus is exact here: ħ/(pR) is several radians at 1 MeV). Asked by the backscattering comparison
    /// (BackscatterTests: aluminium 23–30 % above Tabata's formula, lead within it): is the engine's angular distribution
    /// in a light element wider than Molière's? It is not; a thick step in aluminium is narrower (pinned below).
    /// </summary>
    [Theory]
    [InlineData("Al", 0.1, 1.0)]
    [InlineData("Pb", 0.1, 1.0)]
    [InlineData("Pb", 0.3, 1.0)]
    [InlineData("Al", 0.1, 3.0)]
    [InlineData("Pb", 0.3, 3.0)]
    public void Angular_distribution_of_MeV_electrons_matches_Moliere(string material, double tau, double kineticMeV)
    {
        Comparison c = CompareMeV(material, tau, kineticMeV * 1e-3, Samples);
        Tolerance.Abs(0.05 * c.WidthRef + 3 * c.WidthSigma, "Molière θ1/e, 5 % + 3σ").AssertClose(c.WidthRef, c.WidthEngine, "θ1/e (rad)");
        Tolerance.Abs(0.25 * c.TailRef + 3 * c.TailErr, "Molière tail, 25 % + 3σ").AssertClose(c.TailRef, c.TailEngine, "P(θ > 2.5θ0)");
    }

    /// <summary>Known miss: one step of τ = 0.3 in aluminium is 8–9 % narrower than Molière at 1 and 3 MeV (10⁶ e⁻, so that
    /// the miss is established; at 10⁵ the 1 MeV step sat 0.2σ inside the band). Lead at τ = 0.3 is within 5 % at 1 and
    /// 3 MeV (test above), τ = 0.1 within 5 % in both. Gold values from the 2026-12-06 run (3σ of 10 batches).</summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(1.0, 639.9990e-3, 1.3611e-3)]
    [InlineData(3.0, 647.7237e-3, 1.3684e-3)]
    public void Thick_step_in_aluminium_is_narrower_than_Moliere(double kineticMeV, double gold, double goldSigma)
    {
        Comparison c = CompareMeV("Al", 0.3, kineticMeV * 1e-3, 1_000_000);
        KnownDiscrepancy.Pin(output, $"θ1/e after one step of τ = 0.3 in Al, {kineticMeV} MeV e⁻ (rad)", c.WidthEngine,
            new GoldValue(gold, 3 * goldSigma, "2026-12-06, seed 20261203, 10⁶ e⁻, 3σ of 10 batches"),
            new PhysicsTarget(c.WidthRef, 0.05 * c.WidthRef + 3 * c.WidthRefErr, "Molière (Bethe 1953), 5 % + 3σ of its sampled estimate"),
            "the engine's narrowing of Urban's core for steps whose core-and-tail mixture exceeds ⟨1 − cos θ⟩ = 1 − e^(−τ) " +
            "(docs/physics/multiple-scattering.md#molière-theory-at-high-energy; Urban's published model does not narrow): in " +
            "aluminium at τ = 0.3 it keeps 0.92 of Molière's width at 1 MeV and 0.91 at 3 MeV (τ = 0.5: 0.94, with 0.68 of the " +
            "tail), in lead 0.95–1.00. Of the sign that narrows rather than widens, so not the cause of aluminium's backscattering " +
            "above Tabata's formula");
    }

    private Comparison CompareMeV(string material, double tau, double kineticGeV, int samples)
    {
        ShowerPhysics physics = FoilExperiment.Physics(Emiss.Core.Materials.MaterialCatalog.ByName(material), PhysicsOptions.Standard);
        double lambda = physics.Scattering!.Lambda1Cm(ShowerSpecies.Electron, 0, Math.Log(kineticGeV));
        double t = tau * lambda;
        return Compare(physics, 0, kineticGeV, t, t * physics.Materials[0].Source.DensityGPerCm3, 1,
            (ulong)(material == "Pb" ? 82000 : 13000) + (ulong)(tau * 10),
            $"{material}, {kineticGeV * 1e3} MeV, τ = {tau} ({t * 1e4:F2} μm)", samples);
    }

    private Comparison Compare(double kineticGeV, double x0Fraction, int steps)
    {
        ShowerPhysics physics = Physics.Value;
        int mat = physics.Materials.Materials.Single(m => m.Name == "PbWO4").Index;
        return Compare(physics, mat, kineticGeV, x0Fraction * physics.Materials[mat].RadiationLengthCm,
            x0Fraction * physics.Materials[mat].Source.RadiationLengthGPerCm2, steps,
            (ulong)(kineticGeV * 1000 + x0Fraction * 100), $"{kineticGeV} GeV, {x0Fraction} X0");
    }

    /// <summary>The engine after <paramref name="thicknessCm"/> in <paramref name="steps"/> steps against Molière after
    /// <paramref name="thicknessGPerCm2"/> (the same slab; passed separately so that the PbWO4 rows keep their X0-based
    /// thicknesses bit for bit).</summary>
    private Comparison Compare(ShowerPhysics physics, int mat, double kineticGeV, double thicknessCm, double thicknessGPerCm2, int steps,
        ulong referenceSeed, string label, int samples = Samples)
    {
        var moliere = new MoliereDistribution(physics.Materials[mat].Source, thicknessGPerCm2, kineticGeV, Mass);
        double[] engine = EngineAngles(physics, mat, kineticGeV, thicknessCm, steps, samples);
        double[] reference = MoliereAngles(moliere, referenceSeed, samples);
        (double wEngine, double eEngine) = AngularWidth.Batched(engine, 10, AngularWidth.OneOverERad);
        (double wRef, double eRef) = AngularWidth.Batched(reference, 10, AngularWidth.OneOverERad);
        double theta0 = moliere.OneOverERad() / Math.Sqrt(2);
        double tailRef = moliere.FractionBeyond(2.5 * theta0);
        double tailEngine = engine.Count(t => t > 2.5 * theta0) / (double)engine.Length;
        double tailErr = Math.Sqrt(tailEngine * (1 - tailEngine) / engine.Length);
        output.WriteLine($"{label} in {steps} step(s): B = {moliere.B:F2}; θ1/e engine {wEngine * 1e3:F4} ± {eEngine * 1e3:F4} mrad, "
            + $"Molière {wRef * 1e3:F4} ± {eRef * 1e3:F4} (pointwise {moliere.OneOverERad() * 1e3:F4}), ratio {wEngine / wRef:F4}; "
            + $"P(θ > 2.5θ0) engine {tailEngine:F5} ± {tailErr:F5}, Molière {tailRef:F5}, ratio {tailEngine / tailRef:F3}");
        return new Comparison(wEngine, wRef, eRef, Math.Sqrt(eEngine * eEngine + eRef * eRef), tailEngine, tailRef, tailErr);
    }

    private readonly record struct Comparison(double WidthEngine, double WidthRef, double WidthRefErr, double WidthSigma,
        double TailEngine, double TailRef, double TailErr);

    /// <summary>Space angles of <paramref name="samples"/> e⁻ after <paramref name="thicknessCm"/> cut into <paramref name="steps"/> equal steps of
    /// the engine's scattering model at constant energy.</summary>
    private static double[] EngineAngles(ShowerPhysics physics, int mat, double kineticGeV, double thicknessCm, int steps, int samples)
    {
        IMultipleScattering msc = physics.Scattering!;
        double lambda = msc.Lambda1Cm(ShowerSpecies.Electron, mat, Math.Log(kineticGeV));
        ScatteringScales scales = msc.Scales(ShowerSpecies.Electron, mat, kineticGeV, lambda);
        double t = thicknessCm / steps;
        var step = new ScatteringStep(ShowerSpecies.Electron, mat, kineticGeV, kineticGeV, t, PathLength.Geometric(t, lambda, lambda),
            lambda, lambda, scales.MinimumStepCm, false);
        var angles = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            EventRng rng = RngStreams.For(20261203, StreamKind.Shower, (ulong)i);
            double ux = 0, uy = 0, uz = 1;
            for (int k = 0; k < steps; k++)
            {
                ScatteringSample s = msc.Sample(step, ref rng);
                Rotate(ref ux, ref uy, ref uz, s);
            }
            angles[i] = Math.Acos(Math.Clamp(uz, -1.0, 1.0));
        }
        return angles;
    }

    /// <summary>Turns (ux, uy, uz) by the sampled deflection given in its own frame (Geant4's rotateUz).</summary>
    private static void Rotate(ref double ux, ref double uy, ref double uz, in ScatteringSample s)
    {
        double dx = s.SinTheta * s.CosPhi, dy = s.SinTheta * s.SinPhi, dz = s.CosTheta;
        double up = ux * ux + uy * uy;
        if (up > 0)
        {
            up = Math.Sqrt(up);
            double px = (ux * uz * dx - uy * dy) / up + ux * dz;
            double py = (uy * uz * dx + ux * dy) / up + uy * dz;
            double pz = -up * dx + uz * dz;
            double n = 1.0 / Math.Sqrt(px * px + py * py + pz * pz);
            (ux, uy, uz) = (px * n, py * n, pz * n);
        }
        else if (uz > 0) (ux, uy, uz) = (dx, dy, dz);
        else (ux, uy, uz) = (-dx, dy, -dz);
    }

    /// <summary>Angles sampled from Molière's distribution (inverse of its cumulative on ϑ ∈ [0, 8], 800 intervals; the
    /// 1/(Bϑ²) &lt; 2·10⁻³ beyond does not reach the fitted core).</summary>
    private static double[] MoliereAngles(MoliereDistribution m, ulong seed, int samples)
    {
        const int N = 800;
        const double Max = 8.0;
        var cdf = new double[N + 1];
        double prev = 0;
        for (int k = 1; k <= N; k++)
        {
            double v = Max * k / N, dv = Max / N;
            double g = v * m.PerSolidAngle(v * m.ScaleRad) * m.ScaleRad * m.ScaleRad;
            cdf[k] = cdf[k - 1] + 0.5 * dv * (prev + g);
            prev = g;
        }
        var angles = new double[samples];
        EventRng rng = RngStreams.For(seed, StreamKind.Shower, 0);
        for (int i = 0; i < samples; i++)
        {
            double u = rng.NextDouble() * cdf[N];
            int k = Array.BinarySearch(cdf, u);
            if (k < 0) k = ~k;
            k = Math.Clamp(k, 1, N);
            double f = (u - cdf[k - 1]) / (cdf[k] - cdf[k - 1]);
            angles[i] = (k - 1 + f) * Max / N * m.ScaleRad;
        }
        return angles;
    }
}
