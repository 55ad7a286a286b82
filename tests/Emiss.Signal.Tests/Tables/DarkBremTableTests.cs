using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Signal.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Signal.Tests.Tables;

public sealed class DarkBremTableTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    private static readonly ElementComponent Pb = MaterialCatalog.Lead.Elements[0];

    [Theory]
    [InlineData(50.2)]
    [InlineData(61.3)]
    [InlineData(88.0)]
    [InlineData(100.0)]
    public void MacroscopicCrossSectionIsAtomDensityTimesModelCutCrossSection(double eGeV)
    {
        DarkBremTable t = fx.Tables10MeV[0];
        var p = new DarkParameters(Mass.FromMeV(10), 1.0);
        double direct = MaterialCatalog.Lead.AtomDensityPerCm3(Pb) * fx.Model.CrossSectionAbove(Pb, Energy.FromGeV(eGeV), 50.0 / eGeV, p).InCm2;
        Tolerance.Rel(2e-3, "CutCrossSectionTable interpolation is checked to 0.1 % in Emiss.Physics; 0.2 % here")
            .AssertClose(direct, t.MacroscopicPerCmAtEps1(eGeV), $"Σ(E = {eGeV} GeV; xE > 50 GeV)");
        Assert.Equal(0.0, t.MacroscopicPerCmAtEps1(49.9));
    }

    /// <summary>
    /// The sampled x distribution reproduces the closed-form IWW dσ/dx (docs/physics/dark-production-iww.md#formula) restricted to xE &gt; E_cut,
    /// at a node energy and between nodes (where node mixing approximates the shape).
    /// </summary>
    [Theory]
    [InlineData(75.0)]
    [InlineData(97.3)]
    public void SampledXFollowsDifferentialCrossSection(double eGeV)
    {
        DarkBremTable t = fx.Tables10MeV[0];
        var p = new DarkParameters(Mass.FromMeV(10), 1.0);
        const int n = 200_000, bins = 12;
        double xLo = 50.0 / eGeV;
        // Bins uniform in v = −ln(1 − x) from v(xLo) to v at 1 − x = 1e-5 (the mass cut-off 1 − x ~ m_e²/m² ≈ 2.6e-3
        // lies inside); the last bin takes the rest.
        double vLo = -Math.Log(1 - xLo), vHi = Math.Log(1e5);
        var counts = new double[bins];
        var rng = RngStreams.For(7, StreamKind.Signal, 0);
        for (int i = 0; i < n; i++)
        {
            double x = t.SampleX(eGeV, ref rng);
            Assert.InRange(x, xLo, 1 - 0.51099895e-3 / eGeV);
            int b = Math.Min((int)((-Math.Log(1 - x) - vLo) / (vHi - vLo) * bins), bins - 1);
            counts[b]++;
        }
        var expected = new double[bins];
        double total = 0;
        for (int b = 0; b < bins; b++)
        {
            double a = vLo + (vHi - vLo) * b / bins, c = b == bins - 1 ? Math.Log(eGeV / 0.51099895e-3) : vLo + (vHi - vLo) * (b + 1) / bins;
            // Simpson in v of (1 − x) dσ/dx.
            const int k = 200;
            double s = 0;
            for (int j = 0; j <= k; j++)
            {
                double v = a + (c - a) * j / k, x = -double.ExpM1(-v);
                double f = Math.Exp(-v) * fx.Model.DifferentialCrossSectionCm2(Pb, eGeV, x, p);
                s += (j == 0 || j == k ? 1 : j % 2 == 1 ? 4 : 2) * f;
            }
            expected[b] = s * (c - a) / (3 * k);
            total += expected[b];
        }
        for (int b = 0; b < bins; b++)
        {
            double mu = n * expected[b] / total;
            double tol = Math.Max(4 * Math.Sqrt(mu), 0.02 * mu);
            Assert.True(Math.Abs(counts[b] - mu) <= tol,
                $"E = {eGeV} GeV, v-bin {b}: sampled {counts[b]}, dσ/dx predicts {mu:F0} (tolerance max(4σ, 2 %): table interpolation)");
        }
    }

    [Fact]
    public void LightAPrimeTakesMostOfTheEnergy()
    {
        // docs/physics/dark-production.md#expected-behaviour: for m ≫ m_e the x spectrum peaks towards x → 1 (≈ 1/(1−x) up to 1 − x ~ m_e²/m²), so at
        // E = 100 GeV with x > 0.5 the mean x of a 10 MeV A′ is far above the flat-spectrum value 0.75.
        DarkBremTable t = fx.Tables10MeV[0];
        var rng = RngStreams.For(8, StreamKind.Signal, 0);
        double sum = 0;
        const int n = 50_000;
        for (int i = 0; i < n; i++) sum += t.SampleX(100.0, ref rng);
        Assert.InRange(sum / n, 0.88, 0.99);
    }
}
