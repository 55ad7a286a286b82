namespace Emiss.Shower.Scoring;

/// <summary>Binning of the differential track-length spectra: log bins (10 per decade, 0.1 MeV–10 TeV) and
/// 40 linear bins over [0, E0]. Species rows: 0 = e⁻, 1 = e⁺, 2 = γ, 3 = primary.</summary>
public static class TrackLengthBins
{
    /// <summary>Log bins per decade.</summary>
    public const int PerDecade = 10;

    /// <summary>Lowest log-bin edge, GeV.</summary>
    public const double LogMinGeV = 1e-4;

    /// <summary>Number of log bins.</summary>
    public const int LogBins = 80;

    /// <summary>Number of linear bins over [0, E0].</summary>
    public const int LinearBins = 40;

    /// <summary>Species rows (e⁻, e⁺, γ, primary).</summary>
    public const int Rows = 4;

    /// <summary>Log bin of kinetic energy <paramref name="kineticGeV"/>, unclamped (outside [0, <see cref="LogBins"/>) the
    /// energy lies outside the spectrum). A producer that knows it in advance passes it in <see cref="StepPoint.LogBin"/>.
    /// Inside the spectrum the bin is read from <see cref="LogBinEdges"/> (every scored step asks, ≈ 10⁶ per 100 GeV
    /// shower; a logarithm costs more than the look-up); outside it, and for NaN, it is <see cref="ExactLogBin"/>.</summary>
    public static int LogBin(double kineticGeV)
    {
        if (!(kineticGeV >= LogBinEdges.Edges[0] && kineticGeV < LogBinEdges.Edges[LogBins])) return ExactLogBin(kineticGeV);
        return LogBinEdges.Find(kineticGeV);
    }

    /// <summary>The defining formula of <see cref="LogBin"/>: ⌊10 log10(E/0.1 MeV)⌋.</summary>
    public static int ExactLogBin(double kineticGeV) => (int)Math.Floor(Math.Log10(kineticGeV / LogMinGeV) * PerDecade);

    /// <summary>Lower edge of log bin <paramref name="i"/>, GeV.</summary>
    public static double LogEdgeGeV(int i) => LogMinGeV * Math.Pow(10.0, (double)i / PerDecade);
}
