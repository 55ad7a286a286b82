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
        (CalorimeterLayout layout, int perBin, int layers, _, double layerX0) = PbScStack();
        ShowerMedium truth = layout.EcalShowerMedium with { TmaxShiftX0 = TrueTmaxShift, AlphaShift = TrueAlphaShift };
        BinFractions[] pseudo = [.. new[] { 10.0, 50.0 }.Select(e => ProfileShiftFit.Measure(e, Rows(e, truth, layerX0, layers, 3000), perBin))];

        ProfileShiftFitResult fit = ProfileShiftFit.Fit(pseudo, layout.EcalShowerMedium, layerX0, perBin, layers, ShiftGrid.Default, 3000, 47, 2);

        Assert.Equal(10, fit.DegreesOfFreedom);
        Assert.Equal(23 * 9, fit.Grid.Count);
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
        // Marginal errors are never below the conditional ones; the quadratic's minimum lies within one step of the truth.
        ShiftEstimate q = fit.Quadratic;
        Assert.True(q.TmaxError >= tErr * (1 - 1e-12) && q.AlphaError >= aErr * (1 - 1e-12), $"marginal {q.TmaxError}, {q.AlphaError} against conditional {tErr}, {aErr}");
        Assert.InRange(q.Correlation, -1, 1);
        Assert.InRange(q.TmaxShiftX0, TrueTmaxShift - 0.05, TrueTmaxShift + 0.05);
        Assert.InRange(q.AlphaShift, TrueAlphaShift - 0.1, TrueAlphaShift + 0.1);
    }

    [Fact]
    public void Per_energy_fit_recovers_a_different_alpha_shift_at_each_energy_with_a_common_tmax_shift()
    {
        // Pseudo-engine rows drawn with ΔT = −0.30 and Δα = −0.10 at 5 GeV, +0.25 at 50 GeV (an energy-dependent table):
        // the per-energy fit must give ΔT back within one grid step and each energy's shift within one Δα step (0.05),
        // while the common-Δα fit cannot follow both (its best χ² exceeds the per-energy one by more than 50).
        (CalorimeterLayout layout, int perBin, int layers, int bins, double layerX0) = PbScStack();
        ShowerMedium truth = layout.EcalShowerMedium with { TmaxShiftX0 = TrueTmaxShift, AlphaShift = 0, AlphaShiftByEnergy = new AlphaShiftTable([5, 50], [-0.10, 0.25]) };
        BinFractions[] pseudo = [.. new[] { 5.0, 50.0 }.Select(e => ProfileShiftFit.Measure(e, Rows(e, truth, layerX0, layers, 3000), perBin, bins))];

        AlphaPerEnergyFit fit = ProfileShiftFit.FitAlphaPerEnergy(pseudo, layout.EcalShowerMedium, layerX0, perBin, layers, EcalProfileTune.AlphaPerEnergyGrid, 3000, 47, 2, bins);

        Assert.Equal(2 * bins - 3, fit.DegreesOfFreedom);
        Assert.Equal(23, fit.Columns.Count);
        Assert.InRange(fit.Best.TmaxShiftX0, TrueTmaxShift - 0.05 - 1e-9, TrueTmaxShift + 0.05 + 1e-9);
        Assert.InRange(fit.Best.Energies[0].AlphaShift, -0.15, -0.05);
        Assert.InRange(fit.Best.Energies[1].AlphaShift, 0.20, 0.30);
        Assert.InRange(fit.Best.ChiSquare, 0, 2 * bins * 2.5);   // χ² of 2·10 − 3 dof: above 50 has a probability below 10⁻⁴
        double[] errors = [.. fit.Best.Energies.Select(e => e.ParabolaError)];
        Assert.All(errors, e => Assert.InRange(e, 1e-4, 0.1));
        (double tMin, double tErr) = fit.TmaxParabola;
        Assert.InRange(tMin, fit.Best.TmaxShiftX0 - 0.025, fit.Best.TmaxShiftX0 + 0.025);
        Assert.InRange(tErr, 1e-4, 0.1);
        // the table the fit proposes reproduces its own shifts at the nodes
        Assert.Equal(fit.Best.Energies[1].AlphaShift, fit.Table.At(50), 12);
        ProfileShiftFitResult common = ProfileShiftFit.Fit(pseudo, layout.EcalShowerMedium, layerX0, perBin, layers, ShiftGrid.Default, 3000, 47, 2, bins: bins);
        Assert.True(common.Best.ChiSquare > fit.Best.ChiSquare + 50, $"common Δα χ² {common.Best.ChiSquare} against per-energy {fit.Best.ChiSquare}");
    }

    [Fact]
    public void Tail_per_energy_fit_recovers_a_different_tail_fraction_at_each_energy()
    {
        // Pseudo-engine rows drawn with common shifts (−0.30, −0.20) and w = 0.04 at 5 GeV, 0.12 at 50 GeV: the per-energy tail
        // fit must give each w back within one scan step (0.04) and the shifts within one grid step, and the common-w fit on
        // the same models cannot follow both (its best χ² exceeds the per-energy one by more than 30).
        (CalorimeterLayout layout, int perBin, int layers, int bins, double layerX0) = PbScStack();
        // without the card's tail table, which would override each row's w
        ShowerMedium truth = layout.EcalShowerMedium with { TmaxShiftX0 = TrueTmaxShift, AlphaShift = TrueAlphaShift, TailFractionByEnergy = null };
        BinFractions[] pseudo =
        [
            ProfileShiftFit.Measure(5, Rows(5, truth with { TailFraction = 0.04 }, layerX0, layers, 3000), perBin, bins),
            ProfileShiftFit.Measure(50, Rows(50, truth with { TailFraction = 0.12 }, layerX0, layers, 3000), perBin, bins),
        ];
        var grid = new ShiftGrid(-0.5, 0.05, 9, -0.4, 0.1, 5);
        var tailModels = ProfileShiftFit.TailModels([5.0, 50.0], layout.EcalShowerMedium, layerX0, perBin, layers, grid, [0, 0.04, 0.08, 0.12, 0.16, 0.2], 3000, 47, 2, false, bins);

        TailPerEnergyFit fit = ProfileShiftFit.FitTailPerEnergyOn(pseudo, tailModels);

        Assert.Equal(2 * bins - 4, fit.DegreesOfFreedom);
        Assert.Equal(45, fit.Grid.Count);
        Assert.InRange(fit.Best.TmaxShiftX0, TrueTmaxShift - 0.05 - 1e-9, TrueTmaxShift + 0.05 + 1e-9);
        Assert.InRange(fit.Best.AlphaShift, TrueAlphaShift - 0.1 - 1e-9, TrueAlphaShift + 0.1 + 1e-9);
        Assert.InRange(fit.Energies[0].TailFraction, 0.0, 0.08);
        Assert.InRange(fit.Energies[1].TailFraction, 0.08, 0.16);
        Assert.Equal(fit.Best.ChiSquare, fit.Energies.Sum(e => e.ChiSquare), 9);   // the summed χ² is the energies' least ones
        Assert.InRange(fit.Best.ChiSquare, 0, 2 * bins * 2.5);                      // χ² of 16 dof: above 50 has a probability below 10⁻⁴
        TailFractionFit common = ProfileShiftFit.FitWithTailOn(pseudo, tailModels);
        Assert.True(common.Best.Fit.Best.ChiSquare > fit.Best.ChiSquare + 30, $"common w χ² {common.Best.Fit.Best.ChiSquare} against per-energy {fit.Best.ChiSquare}");
    }

    [Fact]
    public void Measure_takes_fractions_of_each_row_and_the_error_of_their_mean()
    {
        double[][] rows = [[1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]];
        BinFractions f = ProfileShiftFit.Measure(5, rows, 2);
        Assert.Equal([0.625, 0.375, 0, 0, 0, 0], f.Fraction);      // (0.5 + 0.75)/2, (0.5 + 0.25)/2
        Assert.Equal(0.125, f.Error[0], 12);                         // |0.5 − 0.75|/2: sample σ/√2 for two rows
    }

    [Fact]
    public void Model_error_is_the_spread_of_means_over_independent_draws()
    {
        // Eight independent samples of 400 draws (the fit's streams of eight seeds): the sample standard deviation of their
        // means must match the error each reports. For 7 dof, s/σ lies in [0.38, 1.70] with 99 % probability (χ² quantiles
        // 0.99 and 20.3); checked in the preshower bin and in the fourth, whose share is a tenth as large.
        (CalorimeterLayout layout, int perBin, int layers, _, double layerX0) = PbScStack();
        BinFractions[] samples = [.. Enumerable.Range(0, 8).Select(k =>
            ProfileShiftFit.ModelBins(10, layout.EcalShowerMedium, layerX0, perBin, layers, 400, 100 + (ulong)k))];
        foreach (int b in new[] { 0, 3 })
        {
            double[] means = [.. samples.Select(x => x.Fraction[b])];
            double m = means.Average(), s = Math.Sqrt(means.Sum(v => (v - m) * (v - m)) / 7);
            double reported = samples.Average(x => x.Error[b]);
            Assert.InRange(s / reported, 0.38, 1.70);
        }
        Assert.All(samples, x => Assert.Equal(400, x.Showers));
    }

    [Fact]
    public void Quadratic_gives_the_minimum_marginal_errors_and_correlation_of_a_quadratic_surface()
    {
        // χ² = 10 + dᵀ V⁻¹ d with d = (ΔT − t0, Δα − a0) and V the covariance of the shifts (closed form): the nine-point
        // estimate is exact for a quadratic, and the conditional parabola error along ΔT is σ_T √(1 − ρ²).
        const double t0 = -0.17, a0 = -0.13, st = 0.04, sa = 0.12, rho = -0.8;
        double det = st * st * sa * sa * (1 - rho * rho);
        double itt = sa * sa / det, iaa = st * st / det, ita = -rho * st * sa / det;   // V⁻¹
        ShiftGrid grid = ShiftGrid.Default;
        var points = new List<ShiftGridPoint>();
        for (int j = 0; j < grid.AlphaCount; j++)
            for (int i = 0; i < grid.TmaxCount; i++)
            {
                double dt = grid.Tmax(i) - t0, da = grid.Alpha(j) - a0;
                points.Add(new ShiftGridPoint(grid.Tmax(i), grid.Alpha(j), 10 + itt * dt * dt + 2 * ita * dt * da + iaa * da * da));
            }
        var fit = new ProfileShiftFitResult(points, points.MinBy(p => p.ChiSquare), 22, []);

        ShiftEstimate q = fit.Quadratic;
        Assert.Equal(t0, q.TmaxShiftX0, 9);
        Assert.Equal(a0, q.AlphaShift, 9);
        Assert.Equal(st, q.TmaxError, 9);
        Assert.Equal(sa, q.AlphaError, 9);
        Assert.Equal(rho, q.Correlation, 9);
        Assert.Equal(st * Math.Sqrt(1 - rho * rho), fit.TmaxParabola.Error, 9);
        Assert.Equal(sa * Math.Sqrt(1 - rho * rho), fit.AlphaParabola.Error, 9);
    }

    [Fact]
    public void Quadratic_is_undefined_on_the_grid_edge()
    {
        ShiftGrid grid = ShiftGrid.Default;
        var points = new List<ShiftGridPoint>();
        for (int j = 0; j < grid.AlphaCount; j++)
            for (int i = 0; i < grid.TmaxCount; i++)
                points.Add(new ShiftGridPoint(grid.Tmax(i), grid.Alpha(j), Math.Pow(grid.Tmax(i) - grid.TmaxFromX0, 2) + Math.Pow(grid.Alpha(j), 2)));
        var fit = new ProfileShiftFitResult(points, points.MinBy(p => p.ChiSquare), 22, []);
        Assert.Equal(-0.8, fit.Best.TmaxShiftX0);
        Assert.True(double.IsNaN(fit.Quadratic.TmaxError) && double.IsNaN(fit.Quadratic.Correlation));
        // the bootstrap's point estimate then falls back to the grid point
        Assert.Equal([-0.8, 0.0], EcalProfileTune.PointEstimate(fit));
    }

    [Fact]
    public void Point_estimate_is_the_quadratic_minimum_near_the_best_point()
    {
        // χ² = 10 + ((ΔT + 0.17)/0.04)² + ((Δα + 0.13)/0.12)²: best grid point (−0.15, −0.1), quadratic minimum (−0.17, −0.13).
        ShiftGrid grid = ShiftGrid.Default;
        var points = new List<ShiftGridPoint>();
        for (int j = 0; j < grid.AlphaCount; j++)
            for (int i = 0; i < grid.TmaxCount; i++)
                points.Add(new ShiftGridPoint(grid.Tmax(i), grid.Alpha(j), 10 + Math.Pow((grid.Tmax(i) + 0.17) / 0.04, 2) + Math.Pow((grid.Alpha(j) + 0.13) / 0.12, 2)));
        var fit = new ProfileShiftFitResult(points, points.MinBy(p => p.ChiSquare), 22, []);
        double[] estimate = EcalProfileTune.PointEstimate(fit);
        Assert.Equal(-0.17, estimate[0], 9);
        Assert.Equal(-0.13, estimate[1], 9);
    }

    [Fact]
    public void Tail_parabola_recovers_the_minimum_and_error_of_a_quadratic_profile_chi_square()
    {
        // Profile χ² = 60 + ((w − 0.083)/0.019)² on the scan 0, 0.02, …, 0.20, in scrambled order: the parabola through the
        // best slice and its neighbours is exact for a quadratic; the degrees of freedom lose one to w.
        const double w0 = 0.083, sigma = 0.019;
        TailFractionSlice Slice(double w)
        {
            var best = new ShiftGridPoint(-0.3, 0.0, 60 + Math.Pow((w - w0) / sigma, 2));
            return new TailFractionSlice(w, new ProfileShiftFitResult([best], best, 38, []));
        }
        var fit = new TailFractionFit([.. new[] { 6, 0, 10, 3, 4, 1, 9, 2, 5, 8, 7 }.Select(k => Slice(0.02 * k))]);
        Assert.Equal(0.08, fit.Best.TailFraction, 12);
        Assert.Equal(w0, fit.TailParabola.Minimum, 9);
        Assert.Equal(sigma, fit.TailParabola.Error, 9);
        Assert.Equal(37, fit.DegreesOfFreedom);
        // On the scan's edge there is no parabola.
        var edge = new TailFractionFit([Slice(0.08), Slice(0.10), Slice(0.12)]);
        Assert.True(double.IsNaN(edge.TailParabola.Minimum) && double.IsNaN(edge.TailParabola.Error));
    }

    [Fact]
    public void Chi_square_adds_the_model_error_to_the_engine_error()
    {
        BinFractions engine = new(10, 100, [0.3, 0.2, 0.1, 0.1, 0.1, 0.1], [0.03, 0.02, 0.01, 0.01, 0.01, 0.01]);
        BinFractions model = new(10, 4000, [0.34, 0.2, 0.1, 0.1, 0.1, 0.13], [0.04, 0.01, 0.01, 0.01, 0.01, 0.04]);
        // (0.04/0.05)² + (0.03/√(0.0001 + 0.0016))² = 0.64 + 0.529 41…
        Assert.Equal(0.64 + 0.0009 / 0.0017, ProfileShiftFit.ChiSquare([engine], [model]), 12);
    }

    /// <summary>The NA64 Pb/Sc card's ECAL as the fits see it: its layout, layers per bin (the preshower's), layers, bins
    /// covering the ECAL and the depth of one layer in X0.</summary>
    internal static (CalorimeterLayout Layout, int PerBin, int Layers, int Bins, double LayerX0) PbScStack()
    {
        SetupCard card = TestCards.PbSc;
        var layout = new CalorimeterLayout(card);
        int perBin = card.Ecal.PreshowerLayers, layers = card.Ecal.Layers;
        return (layout, perBin, layers, ProfileShiftFit.BinsFor(layers, perBin), layout.Regions[0].X0Thickness / perBin);
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
