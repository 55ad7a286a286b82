using Emiss.Reporting.References;
using Xunit;

namespace Emiss.Reporting.Tests;

/// <summary>
/// The dark-matter curves shipped with the library. The BaBar y table (ESPP 2026 Quasi-elastic-DM data, traced by
/// another hand) is checked against the Darkcast ε table of the same paper through y = ε² α_D (1/3)⁴ at α_D = 0.1.
/// </summary>
public class DarkMatterReferencesTests
{
    [Fact]
    public void Babar_y_table_equals_the_Darkcast_eps_table_converted_with_y_equals_eps2_alphaD_over_81()
    {
        // Two independent digitisations of BaBar's Fig. 5: they agree to the tracing accuracy, 10 % in y (5 % in ε).
        EmbeddedCurve y = DarkMatterReferences.Babar;
        foreach (double mchi in new[] { 2.0, 10.0, 50.0, 200.0 })
        {
            double eps = BabarInvisible2017.At(3 * mchi);
            double expected = eps * eps * 0.1 / 81;
            double actual = y.LogInterpolate(mchi) ?? throw new InvalidOperationException("outside the table");
            Assert.InRange(actual / expected, 0.9, 1.1);
        }
        Assert.InRange(DarkMatterReferences.BabarAt(0.5).Y[0] / (5 * y.Y[0]), 1 - 1e-12, 1 + 1e-12); // y ∝ α_D at fixed ε
    }

    [Fact]
    public void Relic_targets_are_ordered_pseudo_Dirac_below_Majorana_below_scalar()
    {
        // p-wave (Majorana, scalar) annihilation needs a larger y than s-wave-free pseudo-Dirac coannihilation;
        // at 10 MeV the three lines sit in this order (ESPP 2026 data; Berlin & Blinov, PRL 120, 021801 (2018), Fig. 1).
        double pd = DarkMatterReferences.PseudoDiracRelic.LogInterpolate(10)!.Value;
        double mj = DarkMatterReferences.MajoranaRelic.LogInterpolate(10)!.Value;
        double sc = DarkMatterReferences.ScalarRelic.LogInterpolate(10)!.Value;
        Assert.True(pd < mj && mj < sc, $"pseudo-Dirac {pd:G3}, Majorana {mj:G3}, scalar {sc:G3}");
        Assert.InRange(sc, 1e-12, 1e-10);
    }
}
