using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>V11: Geant4 11.4 TestEm3, 1 GeV e⁻ in 50 × (2.3 mm Pb + 5.7 mm lAr), 1 mm cut.</summary>
public class TestEm3Tests(ITestOutputHelper output)
{
    private static readonly Lazy<ShowerRunResult> Result = new(() => TestShowers.Run("testem3-pb-lar", ShowerSpecies.Electron, 1.0, 400, 20161102));

    [Fact]
    public void Sampling_fraction()
    {
        ShowerRunResult r = Result.Value;
        double sfErr = r.RmsActiveGeV / r.MeanTotalGeV / Math.Sqrt(r.Events);
        output.WriteLine($"sampling fraction {r.SamplingFraction:F4} ± {sfErr:F4} (Geant4 0.218), resolution {r.ResolutionRel:F4} (Geant4 0.062)");
        Tolerance.Abs(0.04 * 0.218 + 3 * sfErr, "V11: sampling fraction ±4 % rel (+3σ_stat)").AssertClose(0.218, r.SamplingFraction, "lAr/(Pb + lAr)");
    }

    [Fact]
    public void Resolution()
    {
        ShowerRunResult r = Result.Value;
        // rms known to 1/√(2N) = 3.5 % for 400 events
        Tolerance.Rel(0.10 + 3 * 0.035, "V11: resolution ±10 % rel (+3σ_stat)").AssertClose(0.062, r.ResolutionRel, "σ/E of the lAr signal at 1 GeV");
    }

    [Fact]
    public void Leakage()
    {
        ShowerRunResult r = Result.Value;
        Tolerance.Abs(0.004, "V11: leakage 10.2 MeV of 1 GeV, ±0.4 % abs").AssertClose(0.0102, r.LeakageFraction, "leakage fraction");
    }

    [Fact]
    public void Charged_track_lengths()
    {
        ShowerRunResult r = Result.Value;
        Tolerance.Rel(0.10, "V11: track length ±10 % (cut-dependent)").AssertClose(54.6, r.ChargedTrackLengthCm("Pb"), "charged track length in Pb (cm)");
        Tolerance.Rel(0.10, "V11: track length ±10 % (cut-dependent)").AssertClose(106.0, r.ChargedTrackLengthCm("lAr"), "charged track length in lAr (cm)");
    }
}
