using CsCheck;
using Emiss.Reporting.Profiles;
using Xunit;

namespace Emiss.Reporting.Tests;

public class BinnedDensityTests
{
    [Fact]
    public void Contents_become_densities_per_unit_width()
    {
        BinnedDensity d = BinnedDensity.FromContents([0.1, 1, 10, 100], [9, 18, 900]);
        Assert.Equal([10.0, 2.0, 10.0], d.PerUnit);
        Assert.Equal([0.1, 1, 10, 100], d.Edges);
        BinnedDensity u = BinnedDensity.FromUniformContents(0.5, [1, 2, 0]);
        Assert.Equal([0, 0.5, 1.0, 1.5], u.Edges);
        Assert.Equal([2.0, 4.0, 0.0], u.PerUnit);
    }

    [Fact]
    public void Thin_sampling_layers_are_regrouped_by_their_centres()
    {
        // Pb 0.4 X0 + Sc 0.1 X0 per period; 0.5 X0 bins: each bin holds one period. The last, half-filled bin
        // (a lone 0.2 X0 layer, centre 1.1) is divided by the 0.2 X0 of material it holds, not by 0.5.
        double[] edges = [0, 0.4, 0.5, 0.9, 1.0, 1.2];
        double[] centres = [0.2, 0.45, 0.7, 0.95, 1.1];
        BinnedDensity d = BinnedDensity.RegroupByCentre(edges, centres, [3, 1, 2, 2, 1], 0.5);
        Assert.Equal([0, 0.5, 1.0, 1.5], d.Edges);
        Assert.Equal(8.0, d.PerUnit[0], 12);
        Assert.Equal(8.0, d.PerUnit[1], 12);
        Assert.Equal(5.0, d.PerUnit[2], 12);
    }

    [Fact]
    public void A_uniform_density_stays_uniform_whatever_the_layering() =>
        // Contents = ρ × width for any positive widths: every non-empty regrouped bin has density ρ.
        Gen.Select(Gen.Double[0.01, 1.0].Array[1, 60], Gen.Double[0.1, 10.0], Gen.Double[0.2, 2.0]).Sample((widths, rho, bin) =>
        {
            double[] edges = new double[widths.Length + 1];
            for (int i = 0; i < widths.Length; i++) edges[i + 1] = edges[i] + widths[i];
            double[] centres = [.. widths.Select((w, i) => edges[i] + 0.5 * w)];
            BinnedDensity d = BinnedDensity.RegroupByCentre(edges, centres, [.. widths.Select(w => rho * w)], bin);
            return d.PerUnit.All(v => v == 0 || Math.Abs(v - rho) <= 1e-12 * rho) && d.PerUnit.Any(v => v > 0)
                && Math.Abs(d.Edges[^1] - bin * Math.Ceiling(edges[^1] / bin)) <= 1e-12;
        });

    [Fact]
    public void Log_plot_points_stop_at_the_last_positive_bin()
    {
        BinnedDensity d = BinnedDensity.FromContents([1, 4, 16, 64, 256], [3, 0, 48, 0]);
        var (x, y) = d.GeometricPointsThroughLastPositive();
        Assert.Equal([2.0, 8.0, 32.0], x);
        Assert.Equal([1.0, 0.0, 1.0], y);
        Assert.Empty(BinnedDensity.FromContents([1, 2], [0]).GeometricPointsThroughLastPositive().Centres);
    }
}
