using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Signal.Tables;
using Emiss.Testing;
using Xunit;

namespace Emiss.Signal.Tests.Tables;

/// <summary>The ETL path of <see cref="DarkBremTable"/> (spectra from one 3-D pass per node, interpolated in v).</summary>
public sealed class EtlTableTests
{
    [Fact]
    public void EtlTableMatchesModelCrossSectionAndMeanX()
    {
        var model = new ExactEtlModel(Mediator.Vector);
        ElementComponent pb = MaterialCatalog.Lead.Elements[0];
        var p = new DarkParameters(Mass.FromMeV(20), 1.0);
        DarkBremTable t = DarkBremTable.Build(model, MaterialCatalog.Lead, Mass.FromMeV(20), Energy.FromGeV(100), energyNodes: 6, uNodes: 256);
        int node = t.EnergyNodes - 2;
        double e = t.NodeEnergyGeV(node);
        double n = MaterialCatalog.Lead.AtomDensityPerCm3(pb);
        EtlSpectrum s = model.Spectrum(pb, e, 0.02, 50.0 / e);
        Tolerance.Rel(2e-3, "CutCrossSectionTable (ETL/IWW ratio at anchors) vs one direct ETL pass")
            .AssertClose(n * s.IntegralAbove(50.0 / e) * 0.3893793721e-27, t.MacroscopicPerCmAtEps1(e), "Σ_ETL(E; xE > 50 GeV)");
        // Mean x of the spectrum (trapezoid in ln(1 − x), as EtlSpectrum integrates) vs sampled mean at the node.
        double num = 0, den = 0;
        for (int i = 0; i + 1 < s.OneMinusX.Length; i++)
        {
            double w0 = s.OneMinusX[i], w1 = s.OneMinusX[i + 1];
            if (w1 > 1 - 50.0 / e) break;
            double dl = Math.Log(w1) - Math.Log(w0);
            double g0 = w0 * s.DSigmaDxGeVm2[i], g1 = w1 * s.DSigmaDxGeVm2[i + 1];
            den += 0.5 * dl * (g0 + g1);
            num += 0.5 * dl * (g0 * (1 - w0) + g1 * (1 - w1));
        }
        var rng = RngStreams.For(9, StreamKind.Signal, 0);
        double sum = 0;
        const int k = 100_000;
        for (int i = 0; i < k; i++) sum += t.SampleX(e, ref rng);
        // σ(x) ≈ 0.1 → stat. error of the mean ≈ 3e-4; node-table resolution adds ~1e-3.
        Tolerance.Abs(2e-3, "4σ stat. plus table resolution").AssertClose(num / den, sum / k, "mean x at a node");
    }

    [Fact]
    public void Scalar_etl_table_from_the_vector_pass_samples_the_pointwise_spectrum()
    {
        // The scalar "etl" model (vector ETL × IWW shape ratio) builds its sampling table from the memoised vector pass
        // times the ratio at the pass's nodes, interpolated in v = −ln(1 − x). Reference: the mean x of the same model
        // evaluated point by point (dσ/dx from DifferentialCrossSectionCm2, its own numerical integral at every x),
        // integrated on 4000 steps in v — no node of the 3-D pass is involved.
        var model = new CorrectedIwwEtlModel(Mediator.Scalar);
        ElementComponent pb = MaterialCatalog.Lead.Elements[0];
        var p = new DarkParameters(Mass.FromMeV(20), 1.0);
        DarkBremTable t = DarkBremTable.Build(model, MaterialCatalog.Lead, Mass.FromMeV(20), Energy.FromGeV(100), energyNodes: 6, uNodes: 256);
        double e = t.NodeEnergyGeV(t.EnergyNodes - 2);
        double vLo = -Math.Log(1 - 50.0 / e), vHi = Math.Log(e / 0.51099895e-3);
        double num = 0, den = 0;
        const int steps = 4000;
        for (int i = 0; i <= steps; i++)
        {
            double v = vLo + (vHi - vLo) * i / steps, x = -double.ExpM1(-v);
            double g = Math.Exp(-v) * model.DifferentialCrossSectionCm2(pb, e, x, p) * (i == 0 || i == steps ? 0.5 : 1.0);
            den += g;
            num += g * x;
        }
        var rng = RngStreams.For(11, StreamKind.Signal, 0);
        double sum = 0;
        const int k = 100_000;
        for (int i = 0; i < k; i++) sum += t.SampleX(e, ref rng);
        // σ(x) ≈ 0.1 → stat. error of the mean ≈ 3e-4; the interpolation between the pass's nodes adds ~1e-3.
        Tolerance.Abs(2e-3, "4σ stat. plus table resolution").AssertClose(num / den, sum / k, "mean x at a node, scalar ETL");
    }
}
