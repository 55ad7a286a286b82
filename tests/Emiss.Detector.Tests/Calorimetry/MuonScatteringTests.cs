using System.Globalization;
using System.Text;
using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// Muon multiple scattering in the parametrised stack (docs/physics/muon-pairs.md#multiple-scattering): the
/// Highland–Lynch–Dahl step of <see cref="MuonScattering"/> against the shower engine's μ⁻ (its own multiple-scattering model,
/// validated on Hanson's foils, docs/physics/multiple-scattering.md) through 40 X0 of iron, and the stack's muons leaving the
/// HCAL's face sideways.
/// </summary>
public sealed class MuonScatteringTests(ITestOutputHelper output)
{
    private const double Mu = PhysicalConstants.MuonMassGeV;

    /// <summary>A homogeneous iron block of 40 X0 (70.3 cm), wide enough (2 m radius) that no muon leaves through its side.</summary>
    private static SlabStack IronBlock()
    {
        const string json = """
            { "schema": "emiss-geometry/1", "name": "fe-40x0", "description": "iron block for muon scattering",
              "transverse": { "shape": "cylinder", "radiusCm": 200 },
              "sections": [ { "name": "iron", "repeat": 1, "layers": [ { "material": "Fe", "thicknessX0": 40, "active": true } ] } ] }
            """;
        using var s = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return GeometryCatalog.Parse(s, "fe-40x0");
    }

    [Theory]
    // Gold values: the displacement ratio model/engine of the first run (2026-12-07, seeds as below, 6000 muons).
    [InlineData(5.0, 1.2132)]
    [InlineData(20.0, 1.1749)]
    public void Width_of_a_muon_through_40_X0_of_iron_matches_the_engine(double kineticGeV, double goldDisplacementRatio)
    {
        // Engine: the muon's exit position and direction at the back face, e± and γ below 0.4 GeV not followed (they do not
        // deflect the muon). Widths as θ0 is defined (PDG: a Gaussian fitted to the central 98 % of the projected
        // distribution): the RMS of the central 98 % of the values (x and y pooled) over 0.9346, the RMS of a Gaussian
        // truncated there.
        var physics = new ShowerPhysics(IronBlock(), PhysicsOptions.Standard with { GammaCutGeV = 0.4, ElectronCutGeV = 0.4, TrackingCutGeV = 0.4 });
        double thickness = physics.Geometry.Layers.Sum(l => l.ThicknessCm), x0 = physics.Geometry.Layers[0].Material.RadiationLengthCm;
        const int n = 6000;
        var positions = new List<double>(2 * n);
        var angles = new List<double>(2 * n);
        double lostSum = 0;
        int exits = 0;
        var transport = new ShowerTransport(physics);
        for (int i = 0; i < n; i++)
        {
            var obs = new BackExit();
            EventRng rng = RngStreams.For(20161207, StreamKind.Shower, (ulong)i);
            transport.RunEvent(ShowerSpecies.MuonMinus, kineticGeV, ref rng, ref obs);
            if (!obs.Left) continue;
            exits++;
            lostSum += kineticGeV - obs.Exit.KineticEnergyGeV;
            positions.Add(obs.Exit.XCm);
            positions.Add(obs.Exit.YCm);
            angles.Add(Math.Atan2(obs.Exit.Ux, obs.Exit.Uz));
            angles.Add(Math.Atan2(obs.Exit.Uy, obs.Exit.Uz));
        }
        Assert.True(exits > 0.99 * n, $"{exits} of {n} muons leave through the back");
        (double engineX, double errX) = CoreWidth(positions);
        (double engineT, double errT) = CoreWidth(angles);

        // Model: one step over the block at the momentum of its middle (the mean loss from the engine's own muons).
        double eMid = kineticGeV + Mu - 0.5 * lostSum / exits;
        double theta0 = MuonScattering.HighlandWidthRad(MuonTransport.Momentum(eMid), Mu, thickness / x0);
        double modelX = thickness * theta0 / Math.Sqrt(3);   // Var(y) = x²θ0²(1/12 + 1/4)
        // The same step drawn by the model's sampler (the correlated pair), widths measured the same way.
        var drawn = new List<double>(n);
        var drawnT = new List<double>(n);
        EventRng m = RngStreams.For(20161207, StreamKind.Digitization, 1);
        for (int i = 0; i < n; i++)
        {
            double x = 0, t = 0;
            MuonScattering.Cross(thickness, theta0, ref x, ref t, ref m);
            drawn.Add(x);
            drawnT.Add(t);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"T = {kineticGeV} GeV through {thickness:F1} cm Fe ({thickness / x0:F1} X0), mean loss {lostSum / exits:F3} GeV: engine σ_x {engineX:F3} ± {errX:F3} cm, σ_θ {engineT * 1e3:F2} ± {errT * 1e3:F2} mrad; Highland θ0 {theta0 * 1e3:F2} mrad, σ_x {modelX:F3} cm; sampler σ_x {CoreWidth(drawn).Width:F3} cm, σ_θ {CoreWidth(drawnT).Width * 1e3:F2} mrad"));
        // Highland–Lynch–Dahl is accurate to 11 % in 10⁻³ < x/X0 < 100 (PDG); plus 3σ of the engine's width.
        Tolerance.Abs(0.11 * engineT + 3 * errT, "Highland's 11 % (PDG) + 3σ").AssertClose(engineT, theta0, "projected angular width (rad)");
        // Known discrepancy: the displacement x·θ0/√3 lies 17–21 % above the engine's, target within Highland's 11 %. The
        // engine's own displacement over its angle, σ_x/(x σ_θ) = 0.52–0.53, lies below the small-angle value 1/√3 = 0.577
        // even at 20 GeV (5 % energy loss), so part of the miss may be the engine's lateral displacement in thick steps.
        double ratio = modelX / engineX, ratioErr = ratio * errX / engineX;
        KnownDiscrepancy.Pin(output, $"displacement width model/engine, {kineticGeV} GeV μ⁻, 40 X0 Fe", ratio,
            new GoldValue(goldDisplacementRatio, 3 * ratioErr, "first run of this test, 2026-12-07, seeds 20161207, 6000 muons; tolerance 3σ"),
            new PhysicsTarget(1.0, 0.11, "Highland–Lynch–Dahl accuracy, PDG"),
            "not isolated: the engine's displacement/angle ratio is below the small-angle Gaussian value");
        // The sampler draws what the formula says: widths √(1/3)·xθ0 and θ0 within 3σ of n draws.
        Tolerance.Abs(3 * modelX / Math.Sqrt(n), "3σ of the quantile width").AssertClose(modelX, CoreWidth(drawn).Width, "sampled displacement width");
        Tolerance.Abs(3 * theta0 / Math.Sqrt(n), "3σ of the quantile width").AssertClose(theta0, CoreWidth(drawnT).Width, "sampled angular width");
    }

    [Fact]
    public void Muons_near_the_HCAL_edge_leave_its_face_and_muons_at_its_centre_do_not()
    {
        // 10 GeV muons entering the HCAL 1 cm inside its edge: the four modules (≈ 320 X0 of Fe/Sc over 5.6 m) spread them by
        // ≈ 10 cm (θ0 ≈ 13.6 MeV/p·√320 ≈ 25–40 mrad as they slow down, displacement ≈ Lθ0/√3), so about half are outside
        // the face at the last muon counter and fire it no more; entering on the axis, 30 cm from every edge, nearly all
        // fire it. Without scattering in the stack every muon fired every counter it reached.
        SetupCard card = TestCards.PbSc;
        var layout = new CalorimeterLayout(card);
        var model = new ParametrisedShowerModel(card, layout);
        double edge = layout.HcalHalfWidthCm - 1;
        int lastCounter = card.Hcal.Modules - 1;
        int Fired(double x, int n)
        {
            int fired = 0;
            for (int i = 0; i < n; i++)
            {
                var into = new CalorimeterDeposits(card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
                EventRng rng = RngStreams.For(77, StreamKind.Digitization, (ulong)i);
                model.DepositMuonBehindV2(10.0, x, 0, ref rng, into);
                if (into.MuonMeV[lastCounter] > 0.5) fired++;
            }
            return fired;
        }
        const int n = 2000;
        int atEdge = Fired(edge, n), atCentre = Fired(0, n);
        output.WriteLine($"last muon counter fired: {atEdge} of {n} entering 1 cm inside the edge, {atCentre} of {n} on the axis");
        Assert.InRange(atEdge, n / 4, n * 3 / 4);
        Assert.True(atCentre > n * 0.9, $"{atCentre} of {n} on the axis");
    }

    private static (double Width, double Error) CoreWidth(List<double> values)
    {
        double[] v = [.. values.Order()];
        int cut = (int)(0.01 * v.Length);
        double s2 = 0;
        for (int i = cut; i < v.Length - cut; i++) s2 += v[i] * v[i];
        double w = Math.Sqrt(s2 / (v.Length - 2 * cut)) / 0.9346;
        // Standard error of an RMS from n values: σ/√(2n) for a Gaussian; doubled for the tails the truncation keeps.
        return (w, w / Math.Sqrt(v.Length));
    }

    /// <summary>The muon leaving through the back face (z at the block's end, Uz &gt; 0).</summary>
    private struct BackExit : IShowerObserver
    {
        public bool Left;
        public LeavingParticle Exit;

        public readonly void OnStep(in StepPoint point) { }

        public readonly void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

        public readonly void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

        public void OnLeak(in LeavingParticle particle, double budgetGeV)
        {
            if (particle.Type is ShowerSpecies.MuonMinus && particle.Uz > 0) { Left = true; Exit = particle; }
        }

        public readonly void OnInvisible(int processIndex, double energyGeV, int slab) { }
    }
}
