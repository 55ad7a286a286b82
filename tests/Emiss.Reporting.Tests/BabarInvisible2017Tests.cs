using Emiss.Reporting.References;
using Xunit;

namespace Emiss.Reporting.Tests;

/// <summary>
/// The BaBar 2017 overlay shipped with the library. Source of the table: J. P. Lees et al. (BaBar), PRL 119, 131804
/// (2017), digitised by the Darkcast authors (BaBar_Lees2017lec.lmt); its header states: valid for m_A′ ≤ 8 GeV, flat
/// at ε ≈ 9.5·10⁻⁴ below ≈ 1 GeV, interpolate in log m–log ε.
/// </summary>
public class BabarInvisible2017Tests
{
    [Fact]
    public void Table_spans_1_MeV_to_8_GeV_ascending()
    {
        Assert.Equal(1.0, BabarInvisible2017.MassMeV[0]);
        Assert.InRange(BabarInvisible2017.MassMeV[^1], 7900, 8000);
        Assert.Equal(BabarInvisible2017.MassMeV.Count, BabarInvisible2017.Epsilon90.Count);
        Assert.True(BabarInvisible2017.MassMeV.Zip(BabarInvisible2017.MassMeV.Skip(1)).All(p => p.Second > p.First));
        Assert.All(BabarInvisible2017.Epsilon90, e => Assert.InRange(e, 1e-4, 1e-2));
    }

    [Fact]
    public void Below_1_GeV_the_limit_is_flat_at_9_5e_minus_4()
    {
        // The header's "flat at eps ~ 9.5e-4" read to its two digits: 9.45e-4 ≤ ε < 9.75e-4 (the digitised values sit in 9.46–9.69e-4).
        foreach (var (m, e) in BabarInvisible2017.MassMeV.Zip(BabarInvisible2017.Epsilon90).Where(p => p.First < 1000))
            Assert.InRange(e, 9.45e-4, 9.75e-4);
    }

    [Fact]
    public void Interpolation_is_a_straight_line_in_log_m_log_eps()
    {
        // Between two nodes (m1, e1), (m2, e2) the log-midpoint √(m1 m2) gets the geometric mean √(e1 e2).
        int i = BabarInvisible2017.MassMeV.Select((m, k) => (m, k)).First(p => p.m > 7600).k;
        double m1 = BabarInvisible2017.MassMeV[i - 1], m2 = BabarInvisible2017.MassMeV[i];
        double e1 = BabarInvisible2017.Epsilon90[i - 1], e2 = BabarInvisible2017.Epsilon90[i];
        Assert.Equal(Math.Sqrt(e1 * e2), BabarInvisible2017.At(Math.Sqrt(m1 * m2)), 1e-15);
        Assert.Equal(e1, BabarInvisible2017.At(m1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BabarInvisible2017.At(9000));
    }

    [Fact]
    public void Curve_is_cut_to_the_plotted_masses_and_names_its_source()
    {
        var c = BabarInvisible2017.Curve(1, 1000);
        Assert.Equal(1.0, c.MassMeV[0]);
        Assert.Equal(1000.0, c.MassMeV[^1]);
        Assert.Equal(BabarInvisible2017.At(1000), c.Coupling[^1]);
        Assert.All(c.MassMeV, m => Assert.InRange(m, 1, 1000));
        Assert.Contains("PRL 119, 131804", c.Label, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BabarInvisible2017.Curve(9000, 10000));
    }
}
