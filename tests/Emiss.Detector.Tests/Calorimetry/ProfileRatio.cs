using Emiss.Detector.Calorimetry;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>Model over engine in one bin, with the error of the ratio from both means' errors.</summary>
internal static class ProfileRatio
{
    public static (double Ratio, double Error) Of(BinFractions model, BinFractions engine, int bin)
    {
        double ratio = model.Fraction[bin] / engine.Fraction[bin];
        return (ratio, ratio * Math.Sqrt(Math.Pow(engine.Error[bin] / engine.Fraction[bin], 2) + Math.Pow(model.Error[bin] / model.Fraction[bin], 2)));
    }
}
