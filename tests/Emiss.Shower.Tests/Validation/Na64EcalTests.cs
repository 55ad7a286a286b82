using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;

namespace Emiss.Shower.Tests.Validation;

/// <summary>NA64 ECAL model (PHYSICS.md §3.10): EM sampling fraction ≈ 9–10 %, sampling term ≈ 9 %/√E (seed: 10 %/√E),
/// ≈ 95 % of the shower in the central 3 × 3 cells.</summary>
public class Na64EcalTests
{
    private static readonly Lazy<ShowerRunResult> Result = new(() => TestShowers.Run("na64-ecal", ShowerSpecies.Electron, 5.0, 120, 20161107, beamXCm: 1.9, beamYCm: 1.9));   // beam on the centre of cell (3, 3)

    [Fact]
    public void Sampling_fraction()
    {
        ShowerRunResult r = Result.Value;
        Assert.True(r.SamplingFraction is >= 0.09 and <= 0.10, $"sampling fraction {r.SamplingFraction:F4} (PHYSICS.md §3.10: 9–10 %)");
    }

    [Fact(Skip = "Known discrepancy (issue 4 report): sampling term 6.6–8.4 %/√E (5 GeV, 60–120-event samples with different seeds) for the assumed 1.5 mm Pb/1.5 mm Sc stack vs ≈ 9 %/√E expected (PHYSICS.md §3.10) and the seed's 10 %/√E; likely the same condensed-history limitation that leaves the TestEm3 sampling fraction 4 % low (sampling fluctuations of thin active layers come from low-energy e± crossings). Photostatistics and calibration terms belong to the detector-response issue.")]
    public void Sampling_term()
    {
        ShowerRunResult r = Result.Value;
        double term = r.ResolutionRel * Math.Sqrt(5.0);
        // sampling term 9 %/√E (§3.10) to the seed's 10 %/√E, with the 120-event rms known to ±6.5 % (×2 allowed)
        Assert.True(term is >= 0.09 * 0.87 and <= 0.10 * 1.13, $"sampling term {term:F4}/√E");
    }

    [Fact]
    public void Central_three_by_three_cells_hold_about_95_percent()
    {
        ShowerRunResult r = Result.Value;
        double[] cells = r.MeanCellGeV;
        double central = 0, all = cells.Sum();
        for (int s = 0; s < r.Geometry.SectionNames.Length; s++)
            for (int iy = 2; iy <= 4; iy++)
                for (int ix = 2; ix <= 4; ix++)
                    central += cells[s * 36 + iy * 6 + ix];
        // PHYSICS.md §3.10: ≈ 95 % in the central 3 × 3 block (half-width 5.7 cm = 2.1 R_M,eff). PDG containment
        // (90 % within 1 R_M, 99 % within 3.5 R_M) puts a 2.1–2.3 R_M block between 95 % and 98.5 %.
        Assert.True(central / all is >= 0.94 and <= 0.985, $"3 × 3 fraction {central / all:F4}");
    }
}
