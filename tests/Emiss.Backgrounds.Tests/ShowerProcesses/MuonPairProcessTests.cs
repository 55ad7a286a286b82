using Emiss.Backgrounds.ShowerProcesses;
using Emiss.Core.Constants;
using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Physics.Muons;
using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Shower.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests.ShowerProcesses;

/// <summary>γ → μ⁺μ⁻ as a shower-engine process (docs/physics/muon-pairs.md#in-the-shower-engine): 100 GeV e⁻ in 40 X0 of
/// lead with the cross section raised F = 1000 times.</summary>
public class MuonPairProcessTests(ITestOutputHelper output)
{
    private const double Factor = 1000;
    private const int Events = 30000;

    /// <summary>Only photons above 4m_μ = 0.42 GeV convert, and only e± and photons above it make them: cuts of 0.4 GeV
    /// leave that part of the shower as it is and skip the rest (≈ 0.3 ms per shower instead of ≈ 0.5 s).</summary>
    private static readonly PhysicsOptions Options = PhysicsOptions.Standard with
    {
        GammaCutGeV = 0.4, ElectronCutGeV = 0.4, TrackingCutGeV = 0.4,
        ExtraProcesses = [m => new MuonPairProcess(m, EnergyGrid.Standard, Factor)],
    };

    private static readonly Lazy<ShowerPhysics> Physics = new(() => new ShowerPhysics(GeometryCatalog.Load("pb-thick"), Options));

    private static readonly Lazy<ShowerRunResult> Run = new(() =>
        ShowerRunner.Run(Physics.Value, ShowerSpecies.Electron, 100.0, Events, 20170101, threads: 2));

    private static double Conversions(ShowerRunResult r) => r.InteractionsPerEvent[r.ProcessNames.IndexOf(MuonPairProcess.ProcessName)] * r.Events;

    [Fact]   // V16: γ → μμ per 100 GeV e⁻ in thick Pb ≈ 1.4e-4 (±20 %), here with the engine's own photon track length
    public void Dimuons_per_100_GeV_electron_in_thick_lead_match_V16()
    {
        ShowerRunResult r = Run.Value;
        double n = Conversions(r), rate = n / (Events * Factor), err = Math.Sqrt(n) / (Events * Factor);
        ShowerMaterial pb = Physics.Value.Materials[0];
        double rossiA = new DimuonSpectrum(100.0, pb.RadiationLengthCm, [new AbsorberElement(82, 207.2, pb.AtomDensityPerCm3[0])]).PerElectron;
        output.WriteLine($"{n} conversions in {Events} events at F = {Factor}: {rate:G4} ± {err:G2} per 100 GeV e⁻ (Rossi A: {rossiA:G4})");
        Tolerance.Abs(0.20 * 1.4e-4 + 3 * err, "V16 ±20 % + 3σ_stat").AssertClose(1.4e-4, rate, "γ → μμ per 100 GeV e⁻, thick Pb");
        Assert.True(r.Sums.MaxBalanceError < 1e-12, $"energy balance {r.Sums.MaxBalanceError:G3} (the muons' rest energy is booked as invisible)");
    }

    /// <summary>The count of conversions against the expected number from the same showers' photon track length, bin by
    /// bin (10 per decade, σ averaged over each bin with the 1/k² weight of the spectrum): a check of the transport's
    /// sampling of the process (delta tracking, process choice, table interpolation). Given the showers the count is
    /// Poisson about that expectation; 1 % for the in-bin shape.</summary>
    [Fact]
    public void Conversions_equal_photon_track_length_times_cross_section()
    {
        ShowerRunResult r = Run.Value;
        ShowerMaterial pb = Physics.Value.Materials[0];
        double[] tGamma = r.TrackLengthLogX0(2);
        double perEvent = 0;
        for (int b = 0; b < TrackLengthBins.LogBins; b++)
        {
            double lo = TrackLengthBins.LogEdgeGeV(b), hi = TrackLengthBins.LogEdgeGeV(b + 1);
            if (hi <= MuonPairCrossSection.ThresholdGeV || tGamma[b] == 0) continue;
            double weighted = GaussLegendre.Integrate(k => MuonPairCrossSection.TotalCm2(k, 82, 207.2) / (k * k), lo, hi, 4);
            double sigmaBar = weighted / (1 / lo - 1 / hi);
            perEvent += tGamma[b] * pb.RadiationLengthCm * pb.AtomDensityPerCm3[0] * sigmaBar * Factor;
        }
        double expected = perEvent * r.Events, n = Conversions(r);
        output.WriteLine($"conversions {n}, expected from T_γ × σ {expected:F1}");
        Tolerance.Abs(0.01 * expected + 3 * Math.Sqrt(expected), "Poisson 3σ + 1 % in-bin shape").AssertClose(expected, n, "conversions");
    }

    /// <summary>The dimuon source of the pseudo-data takes its rate per EOT from Rossi's approximation A for the photon
    /// track length (docs/physics/muon-pairs.md#dimuons-per-electron), which overestimates it as k → E0; the shower
    /// engine's conversions in the NA64 ECAL (150 × (1.5 mm Pb + 1.5 mm Sc)) check it within V16's ±20 %.</summary>
    [Fact]
    public void The_dimuon_sources_rate_agrees_with_the_engines_conversions_in_the_ecal()
    {
        const int events = 16000;
        var physics = new ShowerPhysics(GeometryCatalog.Load("na64-ecal"), Options);
        ShowerRunResult r = ShowerRunner.Run(physics, ShowerSpecies.Electron, 100.0, events, 20160817, threads: 2);
        double n = Conversions(r), rate = n / (events * Factor), err = Math.Sqrt(n) / (events * Factor);
        double source = new Emiss.Backgrounds.Sources.DimuonSource().RatePerEot(new Emiss.Detector.Pipeline.DetectorModel(DimuonSourceTests.PbSc, 1)).PerEot;
        output.WriteLine($"engine {rate:G4} ± {err:G2} per 100 GeV e⁻ in the NA64 ECAL ({n} conversions), dimuon source {source:G4}");
        Tolerance.Abs(0.20 * rate + 3 * err, "V16 ±20 % (approximation A) + 3σ_stat").AssertClose(rate, source, "dimuons per EOT, PbSc ECAL");
    }

    [Fact]   // kinematics: the partition range closes at k = 4m_μ (CERN-SL-2002-016), so nothing converts below it
    public void No_conversion_below_four_muon_masses()
    {
        var p = new MuonPairProcess(Physics.Value.Materials, EnergyGrid.Standard);
        double threshold = 4 * PhysicalConstants.MuonMassGeV;
        Assert.Equal(0.0, p.InverseMeanFreePathPerCm(0, ShowerSpecies.Gamma, 0.95 * threshold));
        Assert.Equal(0.0, p.InverseMeanFreePathPerCm(0, ShowerSpecies.Electron, 10.0));
        Assert.True(p.InverseMeanFreePathPerCm(0, ShowerSpecies.Gamma, 2.0) > 0);
    }

    [Fact]   // energy budget k = T₊ + T₋ + 2m_μ to rounding, a μ⁺ and a μ⁻, turned to the photon's direction
    public void A_conversion_makes_a_muon_pair_that_carries_the_photon_energy()
    {
        var p = new MuonPairProcess(Physics.Value.Materials, EnergyGrid.Standard);
        EventRng rng = RngStreams.For(7, StreamKind.Shower, 0);
        (double ux, double uy, double uz) = (0.6, 0.0, 0.8);
        foreach (double k in new[] { 1.0, 10.0, 100.0 })
        {
            var scaledAngles = new List<double>();
            for (int i = 0; i < 2000; i++)
            {
                Interaction f = p.Interact(new ParticleState(ShowerSpecies.Gamma, k, ux, uy, uz, 0), ref rng);
                Assert.True(f.Absorbed);
                Assert.Equal(2, f.SecondaryCount);
                Assert.Equal(ShowerSpecies.MuonPlus, f.Secondary0.Type);
                Assert.Equal(ShowerSpecies.MuonMinus, f.Secondary1.Type);
                double sum = f.Secondary0.KineticEnergyGeV + f.Secondary1.KineticEnergyGeV + f.InvisibleGeV;
                Assert.True(Math.Abs(sum - k) <= 1e-12 * k, $"k = {k}: {sum} ≠ {k}");
                Assert.Equal(2 * PhysicalConstants.MuonMassGeV, f.InvisibleGeV, 15);
                foreach (SecondaryParticle mu in new[] { f.Secondary0, f.Secondary1 })
                {
                    double cos = Math.Clamp(mu.Ux * ux + mu.Uy * uy + mu.Uz * uz, -1, 1);
                    scaledAngles.Add(Math.Acos(cos) * (mu.KineticEnergyGeV + PhysicalConstants.MuonMassGeV) / PhysicalConstants.MuonMassGeV);
                }
            }
            // Relative to the photon, not to z: the median θE/m_μ is ≈ 1 (docs/physics/muon-pairs.md#sampling), while
            // against z every muon would sit near the photon's 0.64 rad.
            scaledAngles.Sort();
            double median = scaledAngles[scaledAngles.Count / 2];
            output.WriteLine($"k = {k} GeV: median θE/m_μ = {median:F3}");
            Assert.InRange(median, 0.5, 2.0);
        }
    }
}
