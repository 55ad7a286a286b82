using Emiss.Core.Random;

namespace Emiss.Detector.Calorimetry;

/// <summary>Mean fraction of the ECAL's visible energy in each of a number of bins of equal depth (<see cref="ProfileShiftFit.Bins"/> for the fit),
/// and its statistical error, for one beam energy.</summary>
/// <param name="EnergyGeV">Electron energy, GeV.</param>
/// <param name="Showers">Showers the means are taken over.</param>
/// <param name="Fraction">Mean fraction per bin.</param>
/// <param name="Error">Standard error of each mean (shower-to-shower spread / √N).</param>
public sealed record BinFractions(double EnergyGeV, int Showers, double[] Fraction, double[] Error);

/// <summary>χ² of one (ΔT, Δα) pair of the grid.</summary>
/// <param name="TmaxShiftX0">ΔT, X0.</param>
/// <param name="AlphaShift">Δα.</param>
/// <param name="ChiSquare">Σ over energies and bins of (engine − model)²/(σ²_engine + σ²_model).</param>
public readonly record struct ShiftGridPoint(double TmaxShiftX0, double AlphaShift, double ChiSquare);

/// <summary>Outcome of <see cref="ProfileShiftFit.Fit"/>.</summary>
/// <param name="Grid">Every grid point, ΔT fastest.</param>
/// <param name="Best">The grid point of least χ².</param>
/// <param name="DegreesOfFreedom">Bins fitted minus the two shifts.</param>
/// <param name="ModelAtBest">Model bin fractions and their draw errors at the best point, per energy (same order as the input).</param>
public sealed record ProfileShiftFitResult(IReadOnlyList<ShiftGridPoint> Grid, ShiftGridPoint Best, int DegreesOfFreedom,
    IReadOnlyList<BinFractions> ModelAtBest)
{
    /// <summary>The parabola through the best point and its two neighbours along ΔT (Δα held at the best value): its minimum
    /// and the half-width where χ² rises by 1 (a conditional error: ΔT and Δα are correlated). NaN on the grid's edge.</summary>
    public (double Minimum, double Error) TmaxParabola => Parabola(g => g.TmaxShiftX0, g => g.AlphaShift);

    /// <summary>As <see cref="TmaxParabola"/> along Δα, ΔT held at the best value.</summary>
    public (double Minimum, double Error) AlphaParabola => Parabola(g => g.AlphaShift, g => g.TmaxShiftX0);

    private (double Minimum, double Error) Parabola(Func<ShiftGridPoint, double> along, Func<ShiftGridPoint, double> held) =>
        ProfileShiftFit.ParabolaAtBest(Grid.Where(g => held(g) == held(Best)), Best, along, g => g.ChiSquare);

    /// <summary>
    /// Both shifts at once: the quadratic through the best point and its eight neighbours (central differences, exact for a
    /// quadratic χ²), its minimum, and the marginal errors and correlation from the covariance 2H⁻¹ of the χ² Hessian H —
    /// the errors to quote, since ΔT and Δα are correlated and the conditional errors of <see cref="TmaxParabola"/> and
    /// <see cref="AlphaParabola"/> are smaller by √(1 − ρ²). NaN on the grid's edge or where H is not positive definite.
    /// </summary>
    public ShiftEstimate Quadratic
    {
        get
        {
            var nan = new ShiftEstimate(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
            double[] ts = [.. Grid.Select(g => g.TmaxShiftX0).Distinct().Order()];
            double[] als = [.. Grid.Select(g => g.AlphaShift).Distinct().Order()];
            int i = Array.IndexOf(ts, Best.TmaxShiftX0), j = Array.IndexOf(als, Best.AlphaShift);
            if (i <= 0 || i >= ts.Length - 1 || j <= 0 || j >= als.Length - 1) return nan;
            double ht = ts[i + 1] - ts[i], ha = als[j + 1] - als[j];
            double C(int di, int dj) => Grid.First(g => g.TmaxShiftX0 == ts[i + di] && g.AlphaShift == als[j + dj]).ChiSquare;
            double gt = (C(1, 0) - C(-1, 0)) / (2 * ht), ga = (C(0, 1) - C(0, -1)) / (2 * ha);
            double htt = (C(1, 0) + C(-1, 0) - 2 * C(0, 0)) / (ht * ht), haa = (C(0, 1) + C(0, -1) - 2 * C(0, 0)) / (ha * ha);
            double hta = (C(1, 1) - C(1, -1) - C(-1, 1) + C(-1, -1)) / (4 * ht * ha);
            double det = htt * haa - hta * hta;
            if (!(htt > 0) || !(det > 0)) return nan;
            // minimum: x* = x_best − H⁻¹ g; covariance of the shifts: 2 H⁻¹ (χ² = −2 ln L)
            double dt = -(haa * gt - hta * ga) / det, da = -(htt * ga - hta * gt) / det;
            return new ShiftEstimate(Best.TmaxShiftX0 + dt, Best.AlphaShift + da, Math.Sqrt(2 * haa / det), Math.Sqrt(2 * htt / det),
                -hta / Math.Sqrt(htt * haa));
        }
    }

    /// <summary>χ² at the grid point nearest (<paramref name="tmaxShiftX0"/>, <paramref name="alphaShift"/>).</summary>
    public ShiftGridPoint Nearest(double tmaxShiftX0, double alphaShift) =>
        Grid.MinBy(g => Math.Abs(g.TmaxShiftX0 - tmaxShiftX0) + Math.Abs(g.AlphaShift - alphaShift));
}

/// <summary>The shift fit at one tail fraction.</summary>
/// <param name="TailFraction">The tail fraction w held in this slice.</param>
/// <param name="Fit">The (ΔT, Δα) grid fit at that w.</param>
public sealed record TailFractionSlice(double TailFraction, ProfileShiftFitResult Fit);

/// <summary>Outcome of <see cref="ProfileShiftFit.FitWithTail"/>: one shift fit per tail fraction.</summary>
/// <param name="Slices">The slices in the order scanned.</param>
public sealed record TailFractionFit(IReadOnlyList<TailFractionSlice> Slices)
{
    /// <summary>The slice whose best grid point has the least χ².</summary>
    public TailFractionSlice Best => Slices.MinBy(s => s.Fit.Best.ChiSquare)!;

    /// <summary>Bins fitted minus the two shifts and the tail fraction.</summary>
    public int DegreesOfFreedom => Best.Fit.DegreesOfFreedom - 1;

    /// <summary>The parabola through the profile χ² (each slice's least χ², the shifts minimised) at the best tail fraction
    /// and its two neighbours: its minimum and the half-width where χ² rises by 1, a marginal error (the shifts are
    /// re-fitted at each w) up to the grid's resolution in the shifts. NaN on the scan's edge.</summary>
    public (double Minimum, double Error) TailParabola => ProfileShiftFit.ParabolaAtBest(Slices, Best, s => s.TailFraction, s => s.Fit.Best.ChiSquare);
}

/// <summary>One energy's tail fraction at given common shifts in <see cref="ProfileShiftFit.FitTailPerEnergyOn"/>.</summary>
/// <param name="EnergyGeV">Electron energy, GeV.</param>
/// <param name="BestTailFraction">The scanned w of least χ² (this energy's bins only).</param>
/// <param name="ChiSquare">That χ².</param>
/// <param name="ParabolaMinimum">Minimum of the parabola through the best w and its two neighbours; NaN on the scan's edge.</param>
/// <param name="ParabolaError">Its half-width where χ² rises by 1 (shifts held); NaN on the edge.</param>
public sealed record EnergyTailFit(double EnergyGeV, double BestTailFraction, double ChiSquare, double ParabolaMinimum, double ParabolaError)
{
    /// <summary>The tail fraction to use: the parabola's minimum, or the scanned value on the scan's edge.</summary>
    public double TailFraction => double.IsFinite(ParabolaMinimum) ? ParabolaMinimum : BestTailFraction;
}

/// <summary>Outcome of <see cref="ProfileShiftFit.FitTailPerEnergyOn"/>: the common shifts of least summed χ² and every energy's
/// tail fraction there.</summary>
/// <param name="Best">The common (ΔT, Δα) and the summed χ² of the energies' best tail fractions.</param>
/// <param name="Energies">Per energy, in the order of the engine sample.</param>
/// <param name="DegreesOfFreedom">Bins fitted minus the two shifts and one tail fraction per energy.</param>
/// <param name="Grid">The summed χ² at every (ΔT, Δα), each energy's w minimised, ΔT fastest.</param>
public sealed record TailPerEnergyFit(ShiftGridPoint Best, IReadOnlyList<EnergyTailFit> Energies, int DegreesOfFreedom, IReadOnlyList<ShiftGridPoint> Grid)
{
    /// <summary>The shift fit of <see cref="Grid"/> (for its quadratic estimate of the common shifts).</summary>
    public ProfileShiftFitResult Shifts => new(Grid, Best, DegreesOfFreedom, []);
}

/// <summary>One energy's α shift at a given ΔT in <see cref="ProfileShiftFit.FitAlphaPerEnergy"/>.</summary>
/// <param name="EnergyGeV">Electron energy, GeV.</param>
/// <param name="Best">The Δα grid point of least χ² (this energy's bins only).</param>
/// <param name="ParabolaMinimum">Minimum of the parabola through the best point and its two neighbours along Δα; NaN on the grid's edge.</param>
/// <param name="ParabolaError">Its half-width where χ² rises by 1 (ΔT held); NaN on the edge.</param>
/// <param name="Model">The model's bins at the best point.</param>
/// <param name="Line">χ² of this energy at every Δα of the grid.</param>
public sealed record EnergyAlphaFit(double EnergyGeV, ShiftGridPoint Best, double ParabolaMinimum, double ParabolaError, BinFractions Model,
    IReadOnlyList<ShiftGridPoint> Line)
{
    /// <summary>The shift to use: the parabola's minimum, or the grid point on the grid's edge.</summary>
    public double AlphaShift => double.IsFinite(ParabolaMinimum) ? ParabolaMinimum : Best.AlphaShift;
}

/// <summary>Every energy's best α shift at one ΔT.</summary>
/// <param name="TmaxShiftX0">ΔT, X0.</param>
/// <param name="Energies">Per energy, in the order of the engine sample.</param>
public sealed record AlphaPerEnergyColumn(double TmaxShiftX0, IReadOnlyList<EnergyAlphaFit> Energies)
{
    /// <summary>Σ over energies of each one's least χ².</summary>
    public double ChiSquare => Energies.Sum(e => e.Best.ChiSquare);
}

/// <summary>Outcome of <see cref="ProfileShiftFit.FitAlphaPerEnergy"/>.</summary>
/// <param name="Columns">One per ΔT of the grid, in its order.</param>
/// <param name="DegreesOfFreedom">Bins fitted minus ΔT and one Δα per energy.</param>
public sealed record AlphaPerEnergyFit(IReadOnlyList<AlphaPerEnergyColumn> Columns, int DegreesOfFreedom)
{
    /// <summary>The ΔT of least summed χ².</summary>
    public AlphaPerEnergyColumn Best => Columns.MinBy(c => c.ChiSquare)!;

    /// <summary>The parabola through the profile χ² (Δα minimised per energy) at the best ΔT and its neighbours: its minimum and
    /// the half-width where χ² rises by 1, a marginal error on ΔT. NaN on the grid's edge.</summary>
    public (double Minimum, double Error) TmaxParabola => ProfileShiftFit.ParabolaAtBest(Columns, Best, c => c.TmaxShiftX0, c => c.ChiSquare);

    /// <summary>The fitted shifts as a table over the fitted energies (each energy's <see cref="EnergyAlphaFit.AlphaShift"/> at the
    /// best ΔT).</summary>
    public AlphaShiftTable Table => new([.. Best.Energies.Select(e => e.EnergyGeV)], [.. Best.Energies.Select(e => e.AlphaShift)]);
}

/// <summary>The shifts at the minimum of a quadratic χ² surface with their marginal (Δχ² = 1 after minimising over the
/// other shift) errors and their correlation coefficient.</summary>
public readonly record struct ShiftEstimate(double TmaxShiftX0, double AlphaShift, double TmaxError, double AlphaError, double Correlation);

/// <summary>A rectangular grid of shifts: <paramref name="TmaxCount"/> values of ΔT from <paramref name="TmaxFromX0"/> in
/// steps of <paramref name="TmaxStepX0"/>, and likewise for Δα.</summary>
public sealed record ShiftGrid(double TmaxFromX0, double TmaxStepX0, int TmaxCount, double AlphaFrom, double AlphaStep, int AlphaCount)
{
    /// <summary>The grid of the tune in docs/physics/calorimeter-parametrised.md: ΔT from −0.8 to +0.3 X0 in steps of
    /// 0.05, Δα from −0.5 to +0.3 in steps of 0.1 (GFlash's own sampling correction, −0.35 X0 and −0.12, lies inside). ΔT
    /// reaches −0.8 because single samples of the engine fit as low as −0.45 with a bootstrap spread of 0.06, whose
    /// replicas must not pile up on the grid's edge.</summary>
    public static ShiftGrid Default { get; } = new(-0.8, 0.05, 23, -0.5, 0.1, 9);

    /// <summary>The grid for photon showers: the photon's ΔT from −1.5 to +0.2 X0 and Δα from −1.3 to +1.1, wide enough for both
    /// photon rules: with the conversion depth the optimum lies near (−0.95, −0.5), with the e± shape one X0 deeper near
    /// (−0.55, +0.4) (docs/physics/calorimeter-parametrised.md#photons).</summary>
    public static ShiftGrid Photon { get; } = new(-1.5, 0.05, 35, -1.3, 0.1, 25);

    /// <summary>ΔT of column <paramref name="i"/>.</summary>
    public double Tmax(int i) => Math.Round(TmaxFromX0 + i * TmaxStepX0, 10);

    /// <summary>Δα of row <paramref name="j"/>.</summary>
    public double Alpha(int j) => Math.Round(AlphaFrom + j * AlphaStep, 10);
}

/// <summary>Model bin fractions drawn at every point of a shift grid, per energy: the expensive half of a fit, which does not
/// depend on the engine sample.</summary>
/// <param name="Grid">The grid.</param>
/// <param name="EnergiesGeV">The energies, in the order of each point's array.</param>
/// <param name="Models">Per grid point (ΔT fastest), the model's bins at each energy.</param>
/// <param name="Bins">Bins per energy.</param>
public sealed record ModelGrid(ShiftGrid Grid, IReadOnlyList<double> EnergiesGeV, IReadOnlyList<BinFractions[]> Models, int Bins)
{
    /// <summary>Throws unless <paramref name="engine"/> holds the grid's energies in its order, with as many bins.</summary>
    internal void CheckEnergies(IReadOnlyList<BinFractions> engine)
    {
        if (engine.Count != EnergiesGeV.Count || engine.Where((e, i) => e.EnergyGeV != EnergiesGeV[i] || e.Fraction.Length != Bins).Any())
            throw new ArgumentException("the engine sample's energies or bins differ from the models'", nameof(engine));
    }
}

/// <summary>
/// Fits the GFlash shifts ΔT and Δα of the ECAL's <see cref="ShowerMedium"/> to the shower engine's layer profiles
/// (docs/physics/calorimeter-parametrised.md#em-longitudinal-profile): the fraction of the ECAL's visible energy in each
/// of the first <see cref="Bins"/> bins of 15 layers (the preshower's depth) at each energy, engine against the mean over
/// drawn shapes (<see cref="EmLongitudinalProfile.Draw"/>, shower-to-shower fluctuations included), χ² with the statistical
/// errors of both means (the model's is the spread of its finite number of draws), minimised over a grid. Every grid point uses the same drawn normals (common random numbers), so
/// the χ² surface is smooth and the grid step is the resolution of the result.
/// </summary>
public static class ProfileShiftFit
{
    /// <summary>The first six bins, 90 of the NA64 ECAL's 150 layers (≈ 24 X0): the preshower and the shower maximum, which
    /// hold all but ≈ 1 % of the energy; the default of <see cref="Measure"/> and <see cref="ModelBins"/> and the bins the
    /// validation checks at 7 %. The fit uses every bin of the ECAL (<see cref="BinsFor"/>), so the deep tail constrains
    /// <see cref="ShowerMedium.TailFraction"/>.</summary>
    public const int Bins = 6;

    /// <summary>Bins of <paramref name="layersPerBin"/> layers that cover an ECAL of <paramref name="layers"/> layers (the last
    /// one may be shorter).</summary>
    public static int BinsFor(int layers, int layersPerBin) => (layers + layersPerBin - 1) / layersPerBin;

    /// <summary>Bin fractions of engine rows (per-shower visible energy per layer), the first <paramref name="bins"/>
    /// bins of <paramref name="layersPerBin"/> layers.</summary>
    public static BinFractions Measure(double energyGeV, IReadOnlyList<double[]> rows, int layersPerBin, int bins = Bins) =>
        FromShowers(energyGeV, ShowerFractions(rows, layersPerBin, bins));

    /// <summary>Each shower's fraction of its ECAL energy in the first <paramref name="bins"/> bins of
    /// <paramref name="layersPerBin"/> layers (one row per shower): what <see cref="Measure"/> averages and what the
    /// bootstrap (<see cref="ProfileFitBootstrap"/>) resamples.</summary>
    public static double[][] ShowerFractions(IReadOnlyList<double[]> rows, int layersPerBin, int bins = Bins)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fractions = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            double[] r = rows[i];
            double total = Sum(r, 0, r.Length);
            var f = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                int from = b * layersPerBin;
                f[b] = Sum(r, from, Math.Min(from + layersPerBin, r.Length)) / total;
            }
            fractions[i] = f;
        }
        return fractions;
    }

    /// <summary>The mean of per-shower bin fractions (<see cref="ShowerFractions"/>) and the standard error of each mean.</summary>
    public static BinFractions FromShowers(double energyGeV, IReadOnlyList<double[]> showers)
    {
        ArgumentNullException.ThrowIfNull(showers);
        if (showers.Count < 2) throw new ArgumentException("at least two showers are needed for an error", nameof(showers));
        int bins = showers[0].Length;
        var mean = new double[bins];
        var error = new double[bins];
        var f = new double[showers.Count];
        for (int b = 0; b < bins; b++)
        {
            for (int i = 0; i < f.Length; i++) f[i] = showers[i][b];
            double m = f.Average();
            mean[b] = m;
            error[b] = Math.Sqrt(f.Sum(v => (v - m) * (v - m)) / (f.Length - 1) / f.Length);
        }
        return new BinFractions(energyGeV, showers.Count, mean, error);
    }

    /// <summary>Mean fraction of the ECAL's energy in each of the first <paramref name="bins"/> bins for <paramref name="draws"/> shapes drawn in
    /// <paramref name="medium"/> on the digitization streams of <paramref name="stream"/> (the detector response's kind,
    /// so the draws are independent of engine showers on the same seed's shower streams), with the standard error of each
    /// mean from the draws' spread (<see cref="BinFractions.Showers"/> holds the number of draws). <paramref name="photon"/>
    /// draws photon showers (<see cref="ShowerMedium.PhotonConversion"/>).</summary>
    public static BinFractions ModelBins(double energyGeV, in ShowerMedium medium, double layerX0, int layersPerBin, int layers, int draws, ulong stream,
        int bins = Bins, bool photon = false)
    {
        if (draws < 2) throw new ArgumentOutOfRangeException(nameof(draws), draws, "at least two draws are needed for an error");
        var sum = new double[bins];
        var sumSq = new double[bins];
        var p = new double[bins + 1];
        double ecalX0 = layerX0 * layers, binX0 = layerX0 * layersPerBin;
        for (int i = 0; i < draws; i++)
        {
            EventRng r = RngStreams.For(stream, StreamKind.Digitization, (ulong)i);
            GammaShape s = EmLongitudinalProfile.Draw(energyGeV, medium, photon, ref r);
            double inEcal = EmLongitudinalProfile.Cumulative(s, ecalX0);
            // as Measure, bins end at the ECAL's back; an edge at or beyond it takes the value already computed there
            for (int b = 0; b <= bins; b++) p[b] = b * binX0 >= ecalX0 ? inEcal : EmLongitudinalProfile.Cumulative(s, b * binX0);
            for (int b = 0; b < bins; b++)
            {
                double f = (p[b + 1] - p[b]) / inEcal;
                sum[b] += f;
                sumSq[b] += f * f;
            }
        }
        var mean = new double[bins];
        var error = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            mean[b] = sum[b] / draws;
            error[b] = Math.Sqrt(Math.Max(0, sumSq[b] - draws * mean[b] * mean[b]) / (draws - 1) / draws);
        }
        return new BinFractions(energyGeV, draws, mean, error);
    }

    /// <summary>Fits the shifts on <paramref name="grid"/> for an ECAL of <paramref name="layers"/> layers of
    /// <paramref name="layerX0"/> radiation lengths whose unshifted medium is <paramref name="medium"/>.</summary>
    /// <remarks>With <paramref name="photon"/> the engine rows are photon showers, the model draws photon shapes, and the
    /// grid's axes are the photon's shifts (<see cref="ShowerMedium.PhotonTmaxShiftX0"/>, <see cref="ShowerMedium.PhotonAlphaShift"/>). <paramref name="bins"/>: bins compared
    /// per energy (the engine's rows must hold as many); the tail fraction of <paramref name="medium"/> is held
    /// (<see cref="FitWithTail"/> scans it).</remarks>
    public static ProfileShiftFitResult Fit(IReadOnlyList<BinFractions> engine, ShowerMedium medium, double layerX0, int layersPerBin, int layers,
        ShiftGrid grid, int draws, ulong stream, int threads, bool photon = false, int bins = Bins)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(grid);
        if (engine.Count == 0) throw new ArgumentException("no energies to fit", nameof(engine));
        return FitOn(engine, ModelsOnGrid(engine.Select(e => e.EnergyGeV).ToArray(), medium, layerX0, layersPerBin, layers, grid, draws, stream, threads, photon, bins));
    }

    /// <summary>The shift fit of <paramref name="engine"/> against models already drawn on a grid: every point's χ², the least one
    /// and the model there. The models do not depend on the engine sample, so a bootstrap refits its replicas on the same
    /// <paramref name="models"/>.</summary>
    public static ProfileShiftFitResult FitOn(IReadOnlyList<BinFractions> engine, ModelGrid models)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(models);
        models.CheckEnergies(engine);
        ShiftGrid grid = models.Grid;
        int n = models.Models.Count;
        var points = new ShiftGridPoint[n];
        for (int k = 0; k < n; k++) points[k] = new ShiftGridPoint(grid.Tmax(k % grid.TmaxCount), grid.Alpha(k / grid.TmaxCount), ChiSquare(engine, models.Models[k]));
        int best = 0;
        for (int k = 1; k < n; k++) if (points[k].ChiSquare < points[best].ChiSquare) best = k;
        return new ProfileShiftFitResult(points, points[best], engine.Count * models.Bins - 2, models.Models[best]);
    }

    /// <summary>The model's bins at each energy of <paramref name="energiesGeV"/> and every point of <paramref name="grid"/>
    /// (ΔT fastest): the medium's ΔT and its α shift (the photon's with <paramref name="photon"/>) set to the point's.</summary>
    public static ModelGrid ModelsOnGrid(IReadOnlyList<double> energiesGeV, ShowerMedium medium, double layerX0, int layersPerBin, int layers,
        ShiftGrid grid, int draws, ulong stream, int threads, bool photon, int bins)
    {
        ArgumentNullException.ThrowIfNull(energiesGeV);
        ArgumentNullException.ThrowIfNull(grid);
        var models = new BinFractions[grid.TmaxCount * grid.AlphaCount][];
        Parallel.For(0, models.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            double dt = grid.Tmax(k % grid.TmaxCount), da = grid.Alpha(k / grid.TmaxCount);
            ShowerMedium shifted = photon ? medium with { PhotonTmaxShiftX0 = dt, PhotonAlphaShift = da } : medium with { TmaxShiftX0 = dt, AlphaShift = da };
            models[k] = [.. energiesGeV.Select(e => ModelBins(e, shifted, layerX0, layersPerBin, layers, draws, stream, bins, photon))];
        });
        return new ModelGrid(grid, [.. energiesGeV], models, bins);
    }

    /// <summary>
    /// ΔT common to all energies and Δα fitted at each energy on its own (the medium's energy-dependent shift of the species is
    /// dropped, so each energy's Δα is its whole shift): for every ΔT of <paramref name="grid"/> each energy takes the Δα of
    /// least χ², and the ΔT whose summed χ² is least is the best. The per-energy shifts are the energy-dependent α shift of
    /// docs/physics/calorimeter-parametrised.md#energy-dependent-alpha (card key <c>ecal.profileAlphaShiftTable</c>); with
    /// <paramref name="photon"/> photon showers on the photon's axes (<c>ecal.profilePhotonTmaxShiftX0</c>,
    /// <c>ecal.profilePhotonAlphaShift</c>, which is a photon's whole α shift): a check that one constant Δα suffices for photons.
    /// </summary>
    public static AlphaPerEnergyFit FitAlphaPerEnergy(IReadOnlyList<BinFractions> engine, ShowerMedium medium, double layerX0, int layersPerBin, int layers,
        ShiftGrid grid, int draws, ulong stream, int threads, int bins, bool photon = false)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(grid);
        if (engine.Count == 0) throw new ArgumentException("no energies to fit", nameof(engine));
        return FitAlphaPerEnergyOn(engine, AlphaPerEnergyModels(engine.Select(e => e.EnergyGeV).ToArray(), medium, layerX0, layersPerBin, layers, grid, draws, stream, threads, bins, photon));
    }

    /// <summary>The models of <see cref="FitAlphaPerEnergy"/>: those of <see cref="ModelsOnGrid"/> with the medium's
    /// energy-dependent α shift dropped for electrons (each energy's Δα is then its whole shift).</summary>
    public static ModelGrid AlphaPerEnergyModels(IReadOnlyList<double> energiesGeV, ShowerMedium medium, double layerX0, int layersPerBin, int layers,
        ShiftGrid grid, int draws, ulong stream, int threads, int bins, bool photon = false) =>
        ModelsOnGrid(energiesGeV, photon ? medium : medium with { AlphaShiftByEnergy = null }, layerX0, layersPerBin, layers, grid, draws, stream, threads, photon, bins);

    /// <summary><see cref="FitAlphaPerEnergy"/> on models already drawn (<see cref="AlphaPerEnergyModels"/>).</summary>
    public static AlphaPerEnergyFit FitAlphaPerEnergyOn(IReadOnlyList<BinFractions> engine, ModelGrid models)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(models);
        models.CheckEnergies(engine);
        ShiftGrid grid = models.Grid;
        var columns = new AlphaPerEnergyColumn[grid.TmaxCount];
        for (int i = 0; i < grid.TmaxCount; i++)
        {
            var energies = new EnergyAlphaFit[engine.Count];
            for (int e = 0; e < engine.Count; e++)
            {
                var line = new ShiftGridPoint[grid.AlphaCount];
                for (int j = 0; j < grid.AlphaCount; j++)
                    line[j] = new ShiftGridPoint(grid.Tmax(i), grid.Alpha(j), ChiSquare([engine[e]], [models.Models[j * grid.TmaxCount + i][e]]));
                int best = 0;
                for (int j = 1; j < line.Length; j++) if (line[j].ChiSquare < line[best].ChiSquare) best = j;
                (double min, double err) = ParabolaAtBest(line, line[best], g => g.AlphaShift, g => g.ChiSquare);
                energies[e] = new EnergyAlphaFit(engine[e].EnergyGeV, line[best], min, err, models.Models[best * grid.TmaxCount + i][e], line);
            }
            columns[i] = new AlphaPerEnergyColumn(grid.Tmax(i), energies);
        }
        return new AlphaPerEnergyFit(columns, engine.Count * models.Bins - 1 - engine.Count);
    }

    /// <summary>The shifts fitted at each tail fraction of <paramref name="tailFractions"/> (the tail's slope that of
    /// <paramref name="medium"/>), every energy compared in all <paramref name="bins"/> bins.</summary>
    public static TailFractionFit FitWithTail(IReadOnlyList<BinFractions> engine, ShowerMedium medium, double layerX0, int layersPerBin, int layers,
        ShiftGrid grid, IReadOnlyList<double> tailFractions, int draws, ulong stream, int threads, bool photon, int bins)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return FitWithTailOn(engine, TailModels(engine.Select(e => e.EnergyGeV).ToArray(), medium, layerX0, layersPerBin, layers, grid, tailFractions, draws, stream, threads, photon, bins));
    }

    /// <summary>The models of <see cref="FitWithTail"/>: one grid per tail fraction.</summary>
    public static IReadOnlyList<(double TailFraction, ModelGrid Models)> TailModels(IReadOnlyList<double> energiesGeV, ShowerMedium medium, double layerX0,
        int layersPerBin, int layers, ShiftGrid grid, IReadOnlyList<double> tailFractions, int draws, ulong stream, int threads, bool photon, int bins)
    {
        ArgumentNullException.ThrowIfNull(tailFractions);
        if (tailFractions.Count == 0) throw new ArgumentException("no tail fractions to scan", nameof(tailFractions));
        return [.. tailFractions.Select(w => (w, ModelsOnGrid(energiesGeV, medium with { TailFraction = w, TailFractionByEnergy = null, PhotonTailFractionByEnergy = null }, layerX0, layersPerBin, layers, grid, draws, stream, threads, photon, bins)))];
    }

    /// <summary><see cref="FitWithTail"/> on models already drawn (<see cref="TailModels"/>).</summary>
    public static TailFractionFit FitWithTailOn(IReadOnlyList<BinFractions> engine, IReadOnlyList<(double TailFraction, ModelGrid Models)> tailModels)
    {
        ArgumentNullException.ThrowIfNull(tailModels);
        return new TailFractionFit([.. tailModels.Select(t => new TailFractionSlice(t.TailFraction, FitOn(engine, t.Models)))]);
    }

    /// <summary>
    /// Common shifts with a tail fraction per energy, on the tail scan's models (<see cref="TailModels"/>): at every (ΔT, Δα) each
    /// energy takes the scanned w of least χ² over its own bins, and the (ΔT, Δα) of least summed χ² wins. A check whether one
    /// tail fraction serves every energy (docs/physics/calorimeter-parametrised.md#tail-fraction-per-energy); it costs no model
    /// draws beyond the scan's.
    /// </summary>
    public static TailPerEnergyFit FitTailPerEnergyOn(IReadOnlyList<BinFractions> engine, IReadOnlyList<(double TailFraction, ModelGrid Models)> tailModels)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(tailModels);
        if (tailModels.Count < 3) throw new ArgumentException("at least three tail fractions are needed", nameof(tailModels));
        foreach (var t in tailModels) t.Models.CheckEnergies(engine);
        ShiftGrid grid = tailModels[0].Models.Grid;
        int points = tailModels[0].Models.Models.Count, energies = engine.Count;
        double[] ws = [.. tailModels.Select(t => t.TailFraction)];
        // χ² per grid point, energy and tail fraction
        var chi2 = new double[points, energies, ws.Length];
        for (int k = 0; k < points; k++)
            for (int e = 0; e < energies; e++)
                for (int w = 0; w < ws.Length; w++)
                    chi2[k, e, w] = ChiSquare([engine[e]], [tailModels[w].Models.Models[k][e]]);
        var summed = new ShiftGridPoint[points];
        for (int k = 0; k < points; k++)
        {
            double sum = 0;
            for (int e = 0; e < energies; e++)
            {
                double least = double.PositiveInfinity;
                for (int w = 0; w < ws.Length; w++) least = Math.Min(least, chi2[k, e, w]);
                sum += least;
            }
            summed[k] = new ShiftGridPoint(grid.Tmax(k % grid.TmaxCount), grid.Alpha(k / grid.TmaxCount), sum);
        }
        int best = 0;
        for (int k = 1; k < points; k++) if (summed[k].ChiSquare < summed[best].ChiSquare) best = k;
        var fits = new EnergyTailFit[energies];
        for (int e = 0; e < energies; e++)
        {
            var line = Enumerable.Range(0, ws.Length).Select(w => (W: ws[w], Chi2: chi2[best, e, w])).ToArray();
            var least = line.MinBy(l => l.Chi2);
            (double min, double err) = ParabolaAtBest(line, least, l => l.W, l => l.Chi2);
            fits[e] = new EnergyTailFit(engine[e].EnergyGeV, least.W, least.Chi2, min, err);
        }
        int bins = tailModels[0].Models.Bins;
        return new TailPerEnergyFit(summed[best], fits, energies * bins - 2 - energies, summed);
    }

    /// <summary>Σ over energies and bins of (engine − model)²/(σ²_engine + σ²_model): both are means of finite samples.</summary>
    public static double ChiSquare(IReadOnlyList<BinFractions> engine, IReadOnlyList<BinFractions> model)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(model);
        double chi2 = 0;
        for (int e = 0; e < engine.Count; e++)
        {
            if (model[e].Fraction.Length != engine[e].Fraction.Length) throw new ArgumentException("engine and model differ in their number of bins", nameof(model));
            for (int b = 0; b < engine[e].Fraction.Length; b++)
            {
                double d = (engine[e].Fraction[b] - model[e].Fraction[b]) / CombinedError(engine[e], model[e], b);
                chi2 += d * d;
            }
        }
        return chi2;
    }

    /// <summary>The parabola through <paramref name="best"/> and its two neighbours in <paramref name="x"/> among
    /// <paramref name="points"/> (<see cref="ParabolaThrough"/>); NaN where <paramref name="best"/> is first or last.</summary>
    internal static (double Minimum, double Error) ParabolaAtBest<T>(IEnumerable<T> points, T best, Func<T, double> x, Func<T, double> chi2)
    {
        T[] line = [.. points.OrderBy(x)];
        int i = Array.FindIndex(line, p => x(p) == x(best));
        if (i <= 0 || i >= line.Length - 1) return (double.NaN, double.NaN);
        return ParabolaThrough(x(line[i - 1]), x(line[i]), x(line[i + 1]), chi2(line[i - 1]), chi2(line[i]), chi2(line[i + 1]));
    }

    /// <summary>The parabola χ² = c x² + b x + d through three points (x0 &lt; x1 &lt; x2): its minimum −b/2c and the half-width
    /// 1/√c where χ² rises by 1; NaN where it does not open upwards. c is the second divided difference.</summary>
    internal static (double Minimum, double Error) ParabolaThrough(double x0, double x1, double x2, double y0, double y1, double y2)
    {
        double c = ((y2 - y1) / (x2 - x1) - (y1 - y0) / (x1 - x0)) / (x2 - x0);
        if (!(c > 0)) return (double.NaN, double.NaN);
        double b = (y1 - y0) / (x1 - x0) - c * (x0 + x1);
        return (-b / (2 * c), Math.Sqrt(1 / c));
    }

    /// <summary>Statistical error of the difference of the two means in <paramref name="bin"/>: √(σ²_engine + σ²_model).</summary>
    public static double CombinedError(BinFractions engine, BinFractions model, int bin)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(model);
        return Math.Sqrt(engine.Error[bin] * engine.Error[bin] + model.Error[bin] * model.Error[bin]);
    }

    private static double Sum(double[] row, int from, int to)
    {
        double s = 0;
        for (int k = from; k < to; k++) s += row[k];
        return s;
    }
}
