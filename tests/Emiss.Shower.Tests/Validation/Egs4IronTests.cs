using System.Globalization;
using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// V10: EGS4 30 GeV e⁻ in iron (PDG 1994), longitudinal profile near the peak ±10 % (+3σ_stat). 192 events keep 3σ_stat
/// per 0.5 X0 bin below the 10 % anchor (per-event rms of a bin is 15–38 % of its mean between 3 and 12 X0, so 3σ_stat
/// is 3–8.3 %), checked per bin, so each band is set at least half by the anchor (with the earlier 16 events 3σ_stat
/// reached 24 %; with 128 it reached 10.2 % at 3.25 X0 on the streams of 2026-12-07).
/// </summary>
[Trait("Category", "Slow")]
public class Egs4IronTests
{
    private const int Events = 192;

    [Fact]
    public void Longitudinal_profile_near_the_peak_matches_EGS4()
    {
        ShowerRunResult r = TestShowers.Run("egs4-fe", ShowerSpecies.Electron, 30.0, Events, 20161103);
        var rows = ReferenceCsv.Load("egs4_pdg1994_30GeV_eminus_Fe_longitudinal_profile.csv").Numbers(_ => true, "t_X0", "dEdt_percent_per_X0").ToArray();
        double[] mean = r.MeanSlabGeV, err = r.SlabErrorGeV;
        var failures = new List<string>();
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i][0] < 3 || rows[i][0] > 12) continue;     // "near the peak": 3–12 X0
            double mc = 100 * mean[i] / 30.0 / 0.5, mcErr = 100 * err[i] / 30.0 / 0.5;
            double anchor = 0.10 * rows[i][1];
            Assert.True(3 * mcErr <= anchor, string.Create(CultureInfo.InvariantCulture, $"t = {rows[i][0]}: 3σ_stat {3 * mcErr:F2} exceeds the anchor {anchor:F2} %/X0: too few events"));
            double allowed = anchor + 3 * mcErr;
            if (Math.Abs(mc - rows[i][1]) > allowed)
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"t = {rows[i][0]}: MC {mc:F2} vs EGS4 {rows[i][1]:F2} %/X0 (allowed {allowed:F2})"));
        }
        Assert.True(failures.Count == 0, "V10: " + string.Join("; ", failures));
    }
}
