using System.Globalization;
using Emiss.Detector.Calorimetry;
using Emiss.Testing;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>The parametrised model's bin fractions against the engine's, as the engine-profile tests compare them.</summary>
internal static class ProfileComparison
{
    /// <summary>Model over engine in one bin, with the error of the ratio from both means' errors.</summary>
    public static (double Ratio, double Error) Ratio(BinFractions model, BinFractions engine, int bin)
    {
        double ratio = model.Fraction[bin] / engine.Fraction[bin];
        return (ratio, ratio * Math.Sqrt(Math.Pow(engine.Error[bin] / engine.Fraction[bin], 2) + Math.Pow(model.Error[bin] / model.Fraction[bin], 2)));
    }

    /// <summary>First layer of the deep tail (≈ 20.3 X0), where the plain gamma profile fell short of the engine
    /// (docs/physics/calorimeter-parametrised.md#deep-tail).</summary>
    public const int DeepTailFirstLayer = 75;

    /// <summary>Engine and model fractions of the ECAL's energy before <see cref="DeepTailFirstLayer"/> (bin 0) and from it to the
    /// back (bin 1), the model's mean over 64 000 drawn shapes (electron or <paramref name="photon"/> showers).</summary>
    public static (BinFractions Engine, BinFractions Model) DeepTail(CalorimeterLayout layout, double layerX0, int layers, double energyGeV,
        IReadOnlyList<double[]> rows, ulong stream, bool photon = false) =>
        (ProfileShiftFit.Measure(energyGeV, rows, DeepTailFirstLayer, bins: 2),
         ProfileShiftFit.ModelBins(energyGeV, layout.EcalShowerMedium, layerX0, DeepTailFirstLayer, layers, 64_000, stream, bins: 2, photon: photon));

    /// <summary>One printed line for the deep tail of <see cref="DeepTail"/>.</summary>
    public static string DeepTailLine(BinFractions engine, BinFractions model, int layers)
    {
        (double ratio, double error) = Ratio(model, engine, 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"layers {DeepTailFirstLayer}–{layers - 1}: engine {engine.Fraction[1]:F5} ± {engine.Error[1]:F5}, parametrised {model.Fraction[1]:F5} ± {model.Error[1]:F5}; ratio {ratio:F4} ± {error:F4}");
    }

    /// <summary>The V9 convention (docs/physics/validation-anchors.md#v9): the model's fraction in <paramref name="bin"/>
    /// within max(3σ, 7 %) of the engine's, σ combining both means' errors.</summary>
    public static void AssertBinAgrees(BinFractions engine, BinFractions model, int bin, string what) =>
        Tolerance.Abs(Math.Max(3 * ProfileShiftFit.CombinedError(engine, model, bin), 0.07 * engine.Fraction[bin]), "max(3σ_stat, 7 % rel.), V9 convention")
            .AssertClose(engine.Fraction[bin], model.Fraction[bin], what);
}
