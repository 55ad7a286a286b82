using Emiss.Analysis.Limits;
using Emiss.Stats.Results;
using Xunit;

namespace Emiss.Analysis.Tests.Limits;

public class GMinus2ExclusionTests
{
    [Fact]
    public void The_band_is_excluded_up_to_the_last_mass_of_the_first_run_below_its_lower_edge()
    {
        var exact = new NA64Like([1, 10, 100, 300], eps90: [1e-4, 2e-4, 5e-4, 3e-3], lower: [1e-3, 1e-3, 1e-3, 1e-3]);
        Assert.Equal(100, GMinus2Exclusion.ExcludedUpToMeV(exact.Result));
        var none = new NA64Like([1, 10], eps90: [2e-3, 1e-4], lower: [1e-3, 1e-3]);
        Assert.Null(GMinus2Exclusion.ExcludedUpToMeV(none.Result));
        Assert.Contains("m_A′ ≤ 100 MeV", GMinus2Exclusion.Describe(exact.Result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mediator_without_a_band_says_so_rather_than_not_excluded()
    {
        // Pseudoscalar and axial: the one-loop Δa_μ is negative (Leveille 1978), so there is no band and nothing to exclude.
        var none = new NA64Like([1, 10], eps90: [1e-4, 1e-4], lower: null);
        Assert.Null(GMinus2Exclusion.ExcludedUpToMeV(none.Result));
        string text = GMinus2Exclusion.Describe(none.Result);
        Assert.StartsWith("no (g−2)μ favoured band", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not excluded", text, StringComparison.Ordinal);
    }

    private sealed class NA64Like(double[] mass, double[] eps90, double[]? lower)
    {
        public LimitResult Result
        {
            get
            {
                var pts = mass.Select((m, i) => new ExclusionPoint(m, 1, 1, 1, eps90[i], eps90[i], default!)).ToList();
                var scan = new ExclusionScanResult(pts, default!, default!, "test", "test");
                return new LimitResult(scan, new GMinus2Band(lower, lower, lower), "test", default!);
            }
        }
    }
}
