using Emiss.Core.Units;
using Emiss.Signal.Biasing;
using Emiss.Signal.Processes;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;
using Xunit;

namespace Emiss.Signal.Tests.Run;

/// <summary>Resonant e⁺e⁻ → A′ in the shower (docs/physics/resonant-annihilation.md#cross-section).</summary>
public sealed class AnnihilationTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private static SignalOptions Options(double? bias) => new() { ResonantAnnihilation = true, AlphaDark = 0.1, KeepEvents = true, BiasFactor = bias };

    [Fact]
    public void ResonanceDominatesInsideWindowOnly()
    {
        // √(m_e E0) = 226 MeV < m < √(2 m_e E0) = 320 MeV at 100 GeV: there annihilation exceeds A′-strahlung
        // (docs/physics/resonant-annihilation.md#narrow-width-limit: by about an order of magnitude against the ETL yield; IWW, used here, is ≈ 2× larger than ETL
        // at this mass, and n_ann = n_e T₊(E_R) 2π²α/m_e with V14's T₊(71 GeV) ≈ 6e-4 X0/GeV gives ≈ 1e-4 against
        // ≈ 2.6e-5 for IWW brem). At 200 MeV (E_R = 39 GeV < E_cut) it cannot produce a signal-window A′.
        // Analog runs (B = 1): the track-length estimator has its smallest variance there.
        double Ratio(double mMeV)
        {
            SignalTables t = SignalTables.Build(fx.Model, fx.Lead.Materials, Mass.FromMeV(mMeV), Energy.FromGeV(100));
            SignalRunResult r = SignalRunner.Run(t, fx.Lead, Options(1.0), 16_384, 41, threads: 2);
            return r.EstimatorAnnihilation.Value / r.EstimatorBrem.Value;
        }
        double inside = Ratio(270), below = Ratio(200);
        Assert.InRange(inside, 2.0, 20.0);
        // Below the window only the Breit–Wigner tail (s − m² ≈ 10 mΓ at E₊ = 50 GeV for α_D = 0.1) contributes.
        Assert.True(below < 0.2 * inside, $"ann/brem = {below:G3} at 200 MeV vs {inside:G3} at 270 MeV");
    }

    [Fact]
    public void AnnihilationAPrimeEnergyIsAtResonance()
    {
        // E_A′ = E₊ + m_e clusters at E_R + m_e (71.3 GeV at 270 MeV; Γ/m = 0.03 → FWHM ≈ 4 GeV), pulled slightly
        // down by the steeply falling positron track length.
        SignalTables t = SignalTables.Build(fx.Model, fx.Lead.Materials, Mass.FromMeV(270), Energy.FromGeV(100));
        SignalRunResult r = SignalRunner.Run(t, fx.Lead, Options(null), 32_768, 42, threads: 2);
        double eR = ResonantAnnihilationCrossSection.ResonanceEnergy(0.270);
        var ann = r.Kept.Where(e => e.Emission.Kind == EmissionKind.ResonantAnnihilation).ToList();
        Assert.True(ann.Count > 100, $"only {ann.Count} annihilation emissions");
        // The mode of the weighted E_A′ histogram (2 GeV bins) marks the resonance. Mean and median are not used:
        // the low-side Breit–Wigner tail (∝ 1/ΔE²) times the steeply rising T₊ (≈ e-fold per 6 GeV) carries a
        // sizeable share of the rate several widths below E_R.
        var hist = new double[25];
        foreach (var e in ann)
        {
            int bin = (int)((e.Emission.APrimeEnergyGeV - 50.0) / 2.0);
            if ((uint)bin < (uint)hist.Length) hist[bin] += e.WeightPerEotEps1;
        }
        int peak = Array.IndexOf(hist, hist.Max());
        double peakCentre = 50.0 + 2.0 * peak + 1.0;
        Assert.InRange(peakCentre, eR - 3.0, eR + 2.0);
        Assert.All(ann, e => Assert.Equal(ParticleTypeOfPositron, e.Emission.Emitter));
        // Independent of the bias: weighted annihilation emissions = the analog track-length estimator.
        SignalRunResult analog = SignalRunner.Run(t, fx.Lead, Options(1.0), 32_768, 43, threads: 2);
        double sigma = Math.Sqrt(Math.Pow(r.EmissionsAnnihilation.StatError, 2) + Math.Pow(analog.EstimatorAnnihilation.StatError, 2));
        Assert.True(Math.Abs(r.EmissionsAnnihilation.Value - analog.EstimatorAnnihilation.Value) < 4 * sigma,
            $"annihilation: weighted emissions {r.EmissionsAnnihilation.Value:E3} ± {r.EmissionsAnnihilation.StatError:E2}, estimator {analog.EstimatorAnnihilation.Value:E3} ± {analog.EstimatorAnnihilation.StatError:E2}");
    }

    private const Emiss.Shower.ShowerSpecies ParticleTypeOfPositron = Emiss.Shower.ShowerSpecies.Positron;
}
