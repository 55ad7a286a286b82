using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Shower;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Signal.Biasing;
using Emiss.Signal.Processes;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Signal.Tests.Processes;

/// <summary>
/// <see cref="DarkBremProcess.Interact"/> driven directly (no transport), with the step rates an observer would have
/// set: the energy budget closes with the A′ energy reported invisible, the nucleus takes only a small recoil, at most
/// one A′ per event, and the sampled x follows the Physics layer's IWW dσ/dx (docs/physics/dark-production-iww.md#formula) integrated here with
/// MathNet quadrature, not through the A′ tables.
/// </summary>
public sealed class DarkBremProcessTests(SignalFixture fx, ITestOutputHelper output) : IClassFixture<SignalFixture>
{
    private const double Me = 0.51099895e-3;
    private static readonly double Norm = Math.Sqrt(0.3 * 0.3 + 0.4 * 0.4 + 0.866 * 0.866);
    private static readonly (double X, double Y, double Z) U = (0.3 / Norm, -0.4 / Norm, 0.866 / Norm);   // tilted: exercises the rotation

    private (DarkBremProcess Process, EmissionState State) Make(bool angles)
    {
        var rates = new SignalRates(fx.Tables10MeV, null, fx.Lead.Materials, 1e-4, 1e9, EnergyGrid.Standard);
        var state = new EmissionState(fx.Lead.SectionNames.Length, fx.Lead.Cells.Count, 50);
        return (new DarkBremProcess(rates, state, angles), state);
    }

    private static Interaction Emit(DarkBremProcess process, EmissionState state, ShowerSpecies type, double t, ulong seed, int i)
    {
        state.Reset();
        // What SignalObserver leaves for the step that ends in this interaction.
        state.StepKineticGeV = t;
        state.StepBremTrue = 1e-10;
        state.StepBremBiased = 1e-2;
        EventRng rng = RngStreams.For(seed, StreamKind.Signal, (ulong)i);
        return process.Interact(new ParticleState(type, t, U.X, U.Y, U.Z, 0), ref rng);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Energy_closes_with_the_A_prime_invisible_and_the_nucleus_recoil_is_small(bool angles)
    {
        (DarkBremProcess process, EmissionState state) = Make(angles);
        double m = fx.Tables10MeV.MassGeV;
        var recoil = new List<double>();
        for (int i = 0; i < 20_000; i++)
        {
            ShowerSpecies type = i % 2 == 0 ? ShowerSpecies.Electron : ShowerSpecies.Positron;
            const double t = 90.0;
            Interaction r = Emit(process, state, type, t, 8101, i);
            Assert.True(!r.Absorbed && r.SecondaryCount == 0 && r.LocalDepositGeV == 0, "the lepton survives; nothing else is tracked");
            Assert.True(Math.Abs(t - (r.KineticEnergyGeV + r.InvisibleGeV)) <= 1e-12 * t, $"budget: {t} vs {r.KineticEnergyGeV} + {r.InvisibleGeV}");
            Assert.True(r.InvisibleGeV > fx.Tables10MeV.CutGeV, "only signal-window emissions are simulated");
            EmissionRecord e = state.Emission;
            Assert.Equal(r.InvisibleGeV, e.APrimeEnergyGeV);
            Assert.Equal(1.0, e.Ux * e.Ux + e.Uy * e.Uy + e.Uz * e.Uz, 12);
            Assert.Equal(1.0, r.Ux * r.Ux + r.Uy * r.Uy + r.Uz * r.Uz, 12);
            // Momentum: lepton in = lepton out + A′ + nucleus recoil q. The lepton takes the whole transverse balance
            // (q along its direction), so q is the smallest recoil compatible with the sampled A′ angle and energy.
            double pIn = Math.Sqrt(t * (t + 2 * Me)), pOut = Math.Sqrt(r.KineticEnergyGeV * (r.KineticEnergyGeV + 2 * Me));
            double pA = Math.Sqrt(e.APrimeEnergyGeV * e.APrimeEnergyGeV - m * m);
            double qx = pIn * U.X - pOut * r.Ux - pA * e.Ux, qy = pIn * U.Y - pOut * r.Uy - pA * e.Uy, qz = pIn * U.Z - pOut * r.Uz - pA * e.Uz;
            double q = Math.Sqrt(qx * qx + qy * qy + qz * qz), along = qx * r.Ux + qy * r.Uy + qz * r.Uz;
            Assert.True(q * q - along * along <= 1e-18 * pIn * pIn, $"transverse momentum must balance: |q⊥| = {Math.Sqrt(Math.Max(0, q * q - along * along)):G3} GeV");
            recoil.Add(q);
        }
        recoil.Sort();
        double median = recoil[recoil.Count / 2], tail = recoil.Count(q => q > 0.028) / (double)recoil.Count;
        output.WriteLine($"nuclear recoil (angles {angles}): median {median * 1e3:G3} MeV, max {recoil[^1] * 1e3:G3} MeV, fraction above 28 MeV {tail:G3}");
        // The Pb form factor cuts momentum transfers above ħc/R = 0.1973 GeV fm / 7.1 fm = 28 MeV (docs/physics/form-factors.md#tsai-form-factors).
        // Collinear emission (the invisible-mode convention) stays far below it. Sampled angles neglect the θ dependence
        // of the flux (EmissionAngleSampler) up to θ_max = 0.1, so a tail of large-angle emissions needs larger
        // recoils; it must stay a tail.
        if (!angles) Assert.True(recoil[^1] < 0.028, $"nuclear recoil {recoil[^1] * 1e3:G3} MeV");
        else Assert.True(median < 0.028 && tail < 0.01, $"median recoil {median * 1e3:G3} MeV, {tail:P2} above 28 MeV");
    }

    [Fact]
    public void At_most_one_A_prime_per_event()
    {
        (DarkBremProcess process, EmissionState state) = Make(false);
        Interaction first = Emit(process, state, ShowerSpecies.Electron, 90.0, 8102, 0);
        Assert.True(first.InvisibleGeV > 0 && !state.Armed);
        EventRng rng = RngStreams.For(8102, StreamKind.Signal, 1);
        var again = new ParticleState(ShowerSpecies.Electron, 30.0, U.X, U.Y, U.Z, 0);
        Assert.Equal(Interaction.Unchanged(again), process.Interact(again, ref rng));   // null collision after the emission
    }

    [Theory]
    [InlineData(75.0)]
    [InlineData(97.3)]
    public void Sampled_x_follows_the_physics_layer_differential_cross_section(double eGeV)
    {
        (DarkBremProcess process, EmissionState state) = Make(false);
        ElementComponent pb = MaterialCatalog.Lead.Elements[0];
        var p = new DarkParameters(Mass.FromGeV(fx.Tables10MeV.MassGeV), 1.0);
        const int n = 100_000;
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = -Math.Log(1 - Emit(process, state, ShowerSpecies.Electron, eGeV - Me, 8103, i).InvisibleGeV / eGeV);
        // Bins in v = −ln(1 − x) from x = E_cut/E to 1 − x = 1e-5 (the 1 − x ~ m_e²/m² cut-off lies inside); density (1 − x) dσ/dx.
        double[] edges = SampledDistribution.Linear(-Math.Log(1 - fx.Tables10MeV.CutGeV / eGeV), Math.Log(1e5), 14);
        SampledDistribution.AssertMatches(v, edges, u => { double x = -double.ExpM1(-u); return Math.Exp(-u) * fx.Model.DifferentialCrossSectionCm2(pb, eGeV, x, p); },
            $"A′ x at E = {eGeV} GeV (v = −ln(1 − x))", output);
    }
}
