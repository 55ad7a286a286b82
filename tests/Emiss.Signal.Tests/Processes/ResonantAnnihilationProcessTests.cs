using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Shower;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Signal.Biasing;
using Emiss.Signal.Processes;
using Emiss.Signal.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Signal.Tests.Processes;

/// <summary>
/// <see cref="ResonantAnnihilationProcess.Interact"/> driven directly: the positron and its target electron become one
/// A′ of invariant mass √s = √(2m_e E₊ + 2m_e²) carrying the whole budget and momentum. Its final state has no free
/// variable, so its "distribution" is where it fires: the rate in E₊, compared with the Breit–Wigner of docs/physics/resonant-annihilation.md#cross-section
/// and the A′ widths written out here (not taken from DarkPhotonWidths).
/// </summary>
public sealed class ResonantAnnihilationProcessTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private const double Me = PhysicalConstants.ElectronMassGeV, Alpha = PhysicalConstants.Alpha;
    private const double MassGeV = 0.25, AlphaDark = 0.1, Epsilon = 1e-4, Bias = 1e9;

    private (ResonantAnnihilationProcess Process, EmissionState State, SignalRates Rates) Make()
    {
        SignalTables tables = SignalTables.Build(fx.Model, fx.Lead.Materials, Mass.FromGeV(MassGeV), Energy.FromGeV(100));
        var xs = new ResonantAnnihilationCrossSection(MassGeV, MassGeV / 3, AlphaDark, Epsilon);
        var rates = new SignalRates(tables, xs, fx.Lead.Materials, Epsilon, 1.0, EnergyGrid.Standard, Bias);
        var state = new EmissionState(fx.Lead.SectionNames.Length, fx.Lead.Cells.Count, 50);
        return (new ResonantAnnihilationProcess(rates, state), state, rates);
    }

    [Fact]
    public void The_A_prime_takes_the_whole_four_momentum_of_the_pair()
    {
        (ResonantAnnihilationProcess process, EmissionState state, _) = Make();
        (double ux, double uy, double uz) = (0.6, 0.0, 0.8);
        for (int i = 0; i < 10_000; i++)
        {
            double t = 55.0 + 10.0 * i / 10_000;
            state.Reset();
            state.StepKineticGeV = t;
            state.StepAnnTrue = 1e-12;
            state.StepAnnBiased = 1e-3;
            EventRng rng = RngStreams.For(8201, StreamKind.Signal, (ulong)i);
            Interaction r = process.Interact(new ParticleState(ShowerSpecies.Positron, t, ux, uy, uz, 0), ref rng);
            Assert.True(r.Absorbed && r.SecondaryCount == 0 && r.LocalDepositGeV == 0);
            Assert.Equal(t + 2 * Me, r.InvisibleGeV, 12);     // e⁺ budget T + 2m_e (ShowerSpeciesInfo.BudgetGeV)
            EmissionRecord e = state.Emission;
            Assert.Equal(EmissionKind.ResonantAnnihilation, e.Kind);
            Assert.Equal((ux, uy, uz), (e.Ux, e.Uy, e.Uz));   // along the positron: the target electron is at rest
            // Invariant mass² of the pair: E² − p² = 2m_e E₊ + 2m_e² (docs/physics/resonant-annihilation.md#cross-section).
            double p2 = t * (t + 2 * Me), s = e.APrimeEnergyGeV * e.APrimeEnergyGeV - p2;
            Tolerance.Rel(1e-9, "E² − p² cancels ~10⁻¹³ of E² = 3600 GeV²").AssertClose(2 * Me * (t + Me) + 2 * Me * Me, s, "s");
            Assert.False(state.Armed);
        }
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-0.5)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public void The_rate_in_positron_energy_is_the_Breit_Wigner(double widthsFromPeak)
    {
        (ResonantAnnihilationProcess process, _, _) = Make();
        // Widths (docs/physics/decay-widths.md#formulas): Γ_ee = (αε²/3) m (1 + 2r)√(1 − 4r), r = m_e²/m²; Γ_χχ = (α_D/3) m (1 + 2ρ)√(1 − 4ρ), ρ = m_χ²/m².
        double r = Me * Me / (MassGeV * MassGeV), rho = 1.0 / 9;
        double gamma = Alpha * Epsilon * Epsilon / 3 * MassGeV * (1 + 2 * r) * Math.Sqrt(1 - 4 * r)
                       + AlphaDark / 3 * MassGeV * (1 + 2 * rho) * Math.Sqrt(1 - 4 * rho);
        double eR = (MassGeV * MassGeV - 2 * Me * Me) / (2 * Me), widthInE = MassGeV * gamma / Me;
        double ePlus = eR + widthsFromPeak * widthInE;
        // σ = 4παε²α_D (q/√s)(s − 4q²/3)/[(s − m²)² + m²Γ²] (ħc)², q = (√s/2)√(1 − 4m_χ²/s); Σ = B ε² n_e σ (ε² in σ above).
        double s = 2 * Me * ePlus + 2 * Me * Me, q2 = 0.25 * s * (1 - 4 * MassGeV * MassGeV * rho / s), q = Math.Sqrt(q2);
        double sigma = 4 * Math.PI * Alpha * Epsilon * Epsilon * AlphaDark * (q / Math.Sqrt(s)) * (s - 4.0 / 3 * q2)
                       / ((s - MassGeV * MassGeV) * (s - MassGeV * MassGeV) + MassGeV * MassGeV * gamma * gamma) * PhysicalConstants.HbarCSquaredGeV2Cm2;
        double expected = Bias * fx.Lead.Materials[0].ElectronDensityPerCm3 * sigma;
        Tolerance.Rel(1e-9, "closed form; same constants").AssertClose(expected, process.InverseMeanFreePathPerCm(0, ShowerSpecies.Positron, ePlus - Me), $"Σ at E₊ = E_R {widthsFromPeak:+0.0;-0.0} Γ");
        Assert.Equal(0.0, process.InverseMeanFreePathPerCm(0, ShowerSpecies.Electron, ePlus - Me));
    }
}
