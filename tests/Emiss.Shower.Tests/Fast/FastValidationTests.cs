using System.Globalization;
using Emiss.Shower.Scoring;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Fast;

/// <summary>
/// Fast mode against the analog transport it replaces (the issue: "provided its profiles are validated against the
/// analog mode"): e⁻ on the centre of cell (3, 3) of the NA64 ECAL (docs/physics/na64-detector.md#ecal), same seeds. Tolerances are the
/// issue's: profile per 1 X0 bin near the peak within max(3σ_stat, 7 %), sampling fraction 2 %, resolution 15 %
/// (or 3σ of its statistical error when larger), 3 × 3-cell containment 1 % absolute, t_max max(0.3 X0, 3σ_stat).
/// σ_stat comes from the spread of batches of the same run (<see cref="BatchedRun"/>): at 100 GeV the first
/// radiation lengths, which both modes transport analogously but with diverging random streams, dominate it.
/// </summary>
public class FastValidationTests(ITestOutputHelper output)
{
    // 10 GeV: 16 batches of 64 events (≈ 60 s of analog transport on one core). With 16 × 20 the σ/E ratio carried ±5.6 % and its
    // first 320 events gave 1.177 with the near-threshold pair cross section, where 3200 events of the same seed give 1.037.
    private static readonly Lazy<(BatchedRun Analog, BatchedRun Fast)> At10 = new(() => Pair(10.0, 16, 64, 1.9));
    private static readonly Lazy<(BatchedRun Analog, BatchedRun Fast)> At100 = new(() => Pair(100.0, 8, 3, 1.9));
    private static readonly Lazy<(BatchedRun Analog, BatchedRun Fast)> OnAxis = new(() => Pair(10.0, 8, 10, 0.0));

    private static (BatchedRun, BatchedRun) Pair(double e0, int batches, int perBatch, double beamCm) =>
        (BatchedRun.Run("na64-ecal", e0, batches, perBatch, 4242, beamCm, null),
         BatchedRun.Run("na64-ecal", e0, batches, perBatch, 4242, beamCm, FastLibraries.For("na64-ecal")));

    // issue 13's criterion at a cheap energy: 100 batches of 100 events per mode (≈ 1 min of analog transport on one core), so
    // that the ratio of the two σ/E carries a statistical error of ≈ 1.0 % (Gaussian estimate; the batch spread is printed),
    // well below the 3 % it is tested against. With 40 batches (±1.6 %) the test measured 1.027 with one library and 1.039 with
    // the next physics' library, whose true ratio a 16 000-event run put at 1.025 (docs/physics/fast-mode.md#validation).
    private static readonly Lazy<(BatchedRun Analog, BatchedRun Fast)> At1 = new(() => Pair(1.0, 100, 100, 1.9));

    public static TheoryData<double> Energies => [10.0, 100.0];

    [Fact]   // issue 13: "profiles, sampling fraction and resolution within 3 % of the new analog mode", 1 GeV e⁻
    public void Sampling_fraction_resolution_and_profile_within_3_percent_at_1_GeV()
    {
        var (ba, bf) = At1.Value;
        ShowerRunResult a = ba.All, f = bf.All;
        double fs = f.SamplingFraction / a.SamplingFraction;
        double fsErr = RatioError(ba, bf, r => r.SamplingFraction);
        double res = f.ResolutionRel / a.ResolutionRel, resErr = Math.Sqrt(0.5 / a.Events + 0.5 / f.Events);   // rms of N events: relative error 1/√(2N)
        double resBatchErr = RatioError(ba, bf, r => r.ResolutionRel);
        output.WriteLine(Inv($"1 GeV: f_samp analog {a.SamplingFraction:F5} fast {f.SamplingFraction:F5}, ratio {fs:F4} ± {fsErr:F4}"));
        output.WriteLine(Inv($"1 GeV: σ/E analog {a.ResolutionRel:F4} fast {f.ResolutionRel:F4}, ratio {res:F4} ± {resErr:F4} (Gaussian), ± {resBatchErr:F4} (batch spread)"));
        Assert.Equal(1.0, fs, 0.03);
        double[] pa = PerX0(a), pf = PerX0(f);
        int peak = Array.IndexOf(pa, pa.Max());
        double worst = 0;
        for (int b = Math.Max(0, peak - 2); b <= Math.Min(pa.Length - 1, peak + 3); b++)
        {
            int bb = b;
            double err = Math.Sqrt(Math.Pow(ba.Error(r => PerX0(r)[bb]), 2) + Math.Pow(bf.Error(r => PerX0(r)[bb]), 2)) / pa[b];
            output.WriteLine(Inv($"1 GeV, {b}–{b + 1} X0: analog {pa[b]:F5} fast {pf[b]:F5} GeV, ratio {pf[b] / pa[b]:F4} ± {err:F4}"));
            worst = Math.Max(worst, Math.Abs(pf[b] / pa[b] - 1));
        }
        output.WriteLine(Inv($"1 GeV: largest profile deviation near the peak {worst:P2}"));
        Assert.True(worst <= 0.03, $"profile deviates by {worst:P2} near the peak");
        // issue 13's 3 % on σ/E (statistical error of the ratio ±1.6 %). Measured 1.027 with the default library (384 showers per
        // bin reaching half a bin above E_switch, one-bin pick window); the library's own draw scatters it by ≈ ±1.7 % (five
        // 96-shower libraries: rms 3.3 %), so the 0.3 % margin is not a property of the method: docs/physics/fast-mode.md#validation.
        Assert.Equal(1.0, res, 0.03);
    }

    private static (ShowerRunResult Analog, ShowerRunResult Fast) Runs(double e0) => (Batched(e0).Analog.All, Batched(e0).Fast.All);

    private static (BatchedRun Analog, BatchedRun Fast) Batched(double e0) => e0 < 50 ? At10.Value : At100.Value;

    [Theory]
    [MemberData(nameof(Energies))]
    public void Sampling_fraction_and_active_energy_agree_within_2_percent(double e0)
    {
        var (a, f) = Runs(e0);
        output.WriteLine(Inv($"{e0} GeV: f_samp analog {a.SamplingFraction:F5} fast {f.SamplingFraction:F5}; E_active {a.MeanActiveGeV:F4} vs {f.MeanActiveGeV:F4}; leakage {a.LeakageFraction:F4} vs {f.LeakageFraction:F4}"));
        Assert.Equal(1.0, f.SamplingFraction / a.SamplingFraction, 0.02);
        Assert.Equal(1.0, f.MeanActiveGeV / a.MeanActiveGeV, 0.02);
        Assert.True(f.Sums.MaxBalanceError <= 1e-9);
    }

    [Theory]
    [MemberData(nameof(Energies))]
    public void Longitudinal_profile_and_tmax_agree(double e0)
    {
        var (ba, bf) = Batched(e0);
        ShowerRunResult a = ba.All, f = bf.All;
        double[] pa = PerX0(a), pf = PerX0(f);
        int peak = Array.IndexOf(pa, pa.Max());
        for (int b = Math.Max(0, peak - 3); b <= Math.Min(pa.Length - 1, peak + 4); b++)
        {
            int bb = b;
            double ea = ba.Error(r => PerX0(r)[bb]), ef = bf.Error(r => PerX0(r)[bb]);
            double sigma = Math.Sqrt(ea * ea + ef * ef);
            output.WriteLine(Inv($"{e0} GeV, {b}–{b + 1} X0: analog {pa[b]:F4} fast {pf[b]:F4} GeV (±{sigma:F4}), ratio {pf[b] / pa[b]:F4}"));
            Assert.True(Math.Abs(pf[b] - pa[b]) <= Math.Max(3 * sigma, 0.07 * pa[b]), $"bin {b} X0: {pf[b]:G4} vs {pa[b]:G4}");
        }
        double st = Math.Sqrt(Math.Pow(ba.Error(r => r.TmaxX0), 2) + Math.Pow(bf.Error(r => r.TmaxX0), 2));
        output.WriteLine(Inv($"{e0} GeV: t_max analog {a.TmaxX0:F3} fast {f.TmaxX0:F3} X0 (±{st:F3})"));
        Assert.True(Math.Abs(a.TmaxX0 - f.TmaxX0) <= Math.Max(0.3, 3 * st), $"t_max {f.TmaxX0:F3} vs {a.TmaxX0:F3} X0");
    }

    [Fact]   // at 10 GeV (1024 events each); the 24-event 100 GeV samples cannot resolve σ/E to 15 %
    public void Resolution_agrees_within_15_percent()
    {
        var (ba, bf) = Batched(10.0);
        ShowerRunResult a = ba.All, f = bf.All;
        // Statistical error of the ratio from the spread of the 16 batch values of σ/E in each mode (the Gaussian estimate
        // 1/√(2N) per rms, used until 2026-12-04, ignores the kurtosis of the active energy). With 320 events the test failed at
        // 1.177 (3.2σ of the Gaussian estimate) after the near-threshold pair cross section changed the random streams (the
        // batch spread gives ±5.2 %, so 3.4σ), while 1600
        // events of both modes with another seed agree within 0.1 % (σ/E 0.02443 analog, 0.02442 fast) and 3200 events of the
        // test's seed give 1.037 (docs/physics/fast-mode.md#validation); the sample is now 1024 events per mode.
        double statRel = RatioError(ba, bf, r => r.ResolutionRel);
        output.WriteLine(Inv($"10 GeV: σ/E analog {a.ResolutionRel:F5} fast {f.ResolutionRel:F5} (stat ±{statRel:P1} of the ratio from the batch spread, Gaussian ±{Math.Sqrt(1.0 / a.Events):P1})"));
        Assert.Equal(1.0, f.ResolutionRel / a.ResolutionRel, Math.Max(0.15, 3 * statRel));
    }

    [Theory]
    [MemberData(nameof(Energies))]
    public void Three_by_three_containment_agrees_within_1_percent(double e0)
    {
        var (a, f) = Runs(e0);
        output.WriteLine(Inv($"{e0} GeV: 3×3 analog {Central(a):F4} fast {Central(f):F4}"));
        Assert.Equal(Central(a), Central(f), 0.01);
    }

    [Theory]   // preshower (first 15 layers, 4.06 X0) share of the active energy: the section bookkeeping of substituted deposits
    [MemberData(nameof(Energies))]
    public void Preshower_share_agrees_within_7_percent_or_3_sigma(double e0)
    {
        var (ba, bf) = Batched(e0);
        double pa = PreshowerShare(ba.All), pf = PreshowerShare(bf.All);
        double sigma = Math.Sqrt(Math.Pow(ba.Error(PreshowerShare), 2) + Math.Pow(bf.Error(PreshowerShare), 2));
        output.WriteLine(Inv($"{e0} GeV: preshower share analog {pa:F4} fast {pf:F4} (±{sigma:F4})"));
        Assert.True(Math.Abs(pf - pa) <= Math.Max(0.07 * pa, 3 * sigma), $"preshower share {pf:F4} vs {pa:F4}");
    }

    private static double PreshowerShare(ShowerRunResult r) => r.MeanSectionActiveGeV("preshower") / r.MeanActiveGeV;

    [Fact]   // lateral shape, 10 GeV on the axis: containment within 1 cm and within R_M,eff = 2.74 cm (docs/physics/na64-detector.md#ecal; ≈ 90 % by the PDG rule)
    public void Radial_containment_agrees()
    {
        (ShowerRunResult a, ShowerRunResult f) = (OnAxis.Value.Analog.All, OnAxis.Value.Fast.All);
        double ra = Within(a, 2.75), rf = Within(f, 2.75), r1a = Within(a, 1.0), r1f = Within(f, 1.0);
        output.WriteLine(Inv($"10 GeV on axis: within 1 cm analog {r1a:F4} fast {r1f:F4}; within 2.75 cm {ra:F4} vs {rf:F4}"));
        Assert.InRange(ra, 0.85, 0.95);
        Assert.Equal(ra, rf, 0.01);
        Assert.Equal(r1a, r1f, 0.02);
    }

    /// <summary>Fraction of all deposits within <paramref name="rCm"/> of the axis (radial rings are centred on x = y = 0).</summary>
    private static double Within(ShowerRunResult r, double rCm)
    {
        double[] rad = r.MeanRadialGeV;
        int n = (int)Math.Round(rCm / r.Geometry.RadialBinCm);
        return rad.Take(n).Sum() / r.MeanTotalGeV;
    }

    /// <summary>All-slab deposits per 1 X0 bin (slab assigned by its centre), GeV.</summary>
    private static double[] PerX0(ShowerRunResult r)
    {
        double[] c = r.SlabCentreX0, m = r.MeanSlabGeV;
        var mean = new double[(int)Math.Ceiling(r.Geometry.DepthX0)];
        for (int i = 0; i < c.Length; i++) mean[Math.Min(mean.Length - 1, (int)c[i])] += m[i];
        return mean;
    }

    /// <summary>Active energy fraction in the central 3 × 3 cells around cell (3, 3), both sections.</summary>
    private static double Central(ShowerRunResult r)
    {
        double[] cells = r.MeanCellGeV;
        double central = 0;
        for (int s = 0; s < r.Geometry.SectionNames.Length; s++)
            for (int iy = 2; iy <= 4; iy++)
                for (int ix = 2; ix <= 4; ix++)
                    central += cells[s * 36 + iy * 6 + ix];
        return central / cells.Sum();
    }

    /// <summary>Relative statistical error of the ratio fast/analog of <paramref name="q"/>, from the batch spreads of both runs.</summary>
    private static double RatioError(BatchedRun analog, BatchedRun fast, Func<ShowerRunResult, double> q) =>
        Math.Sqrt(Math.Pow(analog.Error(q) / q(analog.All), 2) + Math.Pow(fast.Error(q) / q(fast.All), 2));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
