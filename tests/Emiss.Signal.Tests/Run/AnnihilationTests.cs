using Emiss.Core.Units;
using Emiss.Signal.Processes;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;
using Xunit;

namespace Emiss.Signal.Tests.Run;

/// <summary>Resonant e⁺e⁻ → A′ in the shower (PHYSICS.md §2.5).</summary>
public sealed class AnnihilationTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void ResonanceDominatesInsideWindowOnly()
    {
        // √(m_e E0) = 226 MeV < m < √(2 m_e E0) = 320 MeV at 100 GeV: there annihilation exceeds A′-strahlung by
        // about an order of magnitude; at 200 MeV (E_R = 39 GeV < E_cut) it cannot produce a signal-window A′.
        double Ratio(double mMeV, out SignalRunResult r)
        {
            SignalTables t = SignalTables.Build(fx.Model, fx.Lead.Materials, Mass.FromMeV(mMeV), Energy.FromGeV(100));
            r = SignalRunner.Run(t, fx.Lead, new SignalOptions { ResonantAnnihilation = true, AlphaDark = 0.1, KeepEvents = true }, 8192, 41, threads: 2);
            System.Console.WriteLine($"m={mMeV} ann={r.EstimatorAnnihilation.Value:E4} brem={r.EstimatorBrem.Value:E4} T+(60-62)={r.PositronTrackLengthCmPerEot.Skip(10).Take(2).Sum()/2/0.5612:E3} T+(70-72)={r.PositronTrackLengthCmPerEot.Skip(20).Take(2).Sum()/2/0.5612:E3} T+(80-82)={r.PositronTrackLengthCmPerEot.Skip(30).Take(2).Sum()/2/0.5612:E3} T(80-82)={r.TrackLengthCmPerEot.Skip(30).Take(2).Sum()/2/0.5612:E3}");
            return r.EstimatorAnnihilation.Value / r.EstimatorBrem.Value;
        }
        Assert.InRange(Ratio(270, out SignalRunResult inWindow), 3.0, 100.0);
        Assert.True(Ratio(200, out _) < 0.05);
        // Resonance position: annihilation A′ energies cluster at E_R + m_e (E_R = 71.3 GeV at 270 MeV, Γ/m = 0.03 → FWHM ≈ 4 GeV),
        // pulled slightly down by the falling positron track length.
        double eR = ResonantAnnihilationCrossSection.ResonanceEnergy(0.270);
        var ann = inWindow.Kept.Where(e => e.Emission.Kind == Emiss.Signal.Biasing.EmissionKind.ResonantAnnihilation).ToList();
        Assert.True(ann.Count > 100, $"only {ann.Count} annihilation emissions");
        double mean = ann.Sum(e => e.WeightPerEotEps1 * e.Emission.APrimeEnergyGeV) / ann.Sum(e => e.WeightPerEotEps1);
        Assert.InRange(mean, eR - 3.0, eR + 1.0);
        // Weighted emissions agree with the estimator for annihilation as well.
        double sigma = Math.Sqrt(Math.Pow(inWindow.EmissionsAnnihilation.StatError, 2) + Math.Pow(inWindow.EstimatorAnnihilation.StatError, 2));
        Assert.True(Math.Abs(inWindow.EmissionsAnnihilation.Value - inWindow.EstimatorAnnihilation.Value) < 4 * sigma,
            $"annihilation: emissions {inWindow.EmissionsAnnihilation.Value:E3} ± {inWindow.EmissionsAnnihilation.StatError:E2}, estimator {inWindow.EstimatorAnnihilation.Value:E3}");
    }
}
