using Emiss.Core.Random;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// The fit behind <c>emiss study ecal-profile</c> (<see cref="ProfileShiftFit"/>) recovers known shifts: "engine" rows made
/// of drawn GFlash shapes with ΔT = −0.30 X0 and Δα = −0.20, on streams other than the fit's own model draws, must give
/// back those shifts to within one grid step, with a χ² per degree of freedom of order 1; and the unshifted profile must
/// be rejected. This checks the procedure, not the physics: the parametrised profile is validated against the shower
/// engine in <see cref="EngineProfileValidationTests"/>.
/// </summary>
public sealed class ProfileShiftFitTests
{
    private const double TrueTmaxShift = -0.30, TrueAlphaShift = -0.20;

    [Fact]
    public void Fit_recovers_the_shifts_the_pseudo_engine_was_drawn_with()
    {
        SetupCard card = TestCards.PbSc;
        var layout = new CalorimeterLayout(card);
        int perBin = card.Ecal.PreshowerLayers, layers = card.Ecal.Layers;
        double layerX0 = layout.Regions[0].X0Thickness / perBin;
        ShowerMedium truth = layout.EcalShowerMedium with { TmaxShiftX0 = TrueTmaxShift, AlphaShift = TrueAlphaShift };
        BinFractions[] pseudo = [.. new[] { 10.0, 50.0 }.Select(e => ProfileShiftFit.Measure(e, Rows(e, truth, layerX0, layers, 3000), perBin))];

        ProfileShiftFitResult fit = ProfileShiftFit.Fit(pseudo, layout.EcalShowerMedium, layerX0, perBin, layers, ShiftGrid.Default, 3000, 47, 2);

        Assert.Equal(10, fit.DegreesOfFreedom);
        Assert.Equal(17 * 9, fit.Grid.Count);
        Assert.InRange(fit.Best.TmaxShiftX0, TrueTmaxShift - 0.05 - 1e-9, TrueTmaxShift + 0.05 + 1e-9);
        Assert.InRange(fit.Best.AlphaShift, TrueAlphaShift - 0.1 - 1e-9, TrueAlphaShift + 0.1 + 1e-9);
        // χ² of 10 dof: above 30 has a probability of 10⁻³.
        Assert.InRange(fit.Best.ChiSquare, 0, 30);
        Assert.True(fit.Nearest(0, 0).ChiSquare > fit.Best.ChiSquare + 100, $"unshifted χ² {fit.Nearest(0, 0).ChiSquare} against {fit.Best.ChiSquare}");
        Assert.Equal(fit.Best.ChiSquare, ProfileShiftFit.ChiSquare(pseudo, fit.ModelAtBest), 10);
        // The parabola refines the best point within half a grid step and has a finite width.
        (double tMin, double tErr) = fit.TmaxParabola;
        (double aMin, double aErr) = fit.AlphaParabola;
        Assert.InRange(tMin, fit.Best.TmaxShiftX0 - 0.025, fit.Best.TmaxShiftX0 + 0.025);
        Assert.InRange(aMin, fit.Best.AlphaShift - 0.05, fit.Best.AlphaShift + 0.05);
        Assert.InRange(tErr, 1e-4, 0.05);
        Assert.InRange(aErr, 1e-4, 0.1);
    }

    [Fact]
    public void Measure_takes_fractions_of_each_row_and_the_error_of_their_mean()
    {
        double[][] rows = [[1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]];
        BinFractions f = ProfileShiftFit.Measure(5, rows, 2);
        Assert.Equal([0.625, 0.375, 0, 0, 0, 0], f.Fraction);      // (0.5 + 0.75)/2, (0.5 + 0.25)/2
        Assert.Equal(0.125, f.Error[0], 12);                         // |0.5 − 0.75|/2: sample σ/√2 for two rows
    }

    /// <summary>"Engine" rows: per-layer fractions of shapes drawn in <paramref name="medium"/> on the shower streams of
    /// seed 5 (the fit draws its model on the digitization streams of seed 47).</summary>
    private static double[][] Rows(double energyGeV, ShowerMedium medium, double layerX0, int layers, int n)
    {
        var rows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            EventRng r = RngStreams.For(5, StreamKind.Shower, (ulong)i);
            GammaShape s = EmLongitudinalProfile.Draw(energyGeV, medium, photon: false, ref r);
            rows[i] = [.. Enumerable.Range(0, layers).Select(k => EmLongitudinalProfile.FractionBetween(s, k * layerX0, (k + 1) * layerX0))];
        }
        return rows;
    }
}
