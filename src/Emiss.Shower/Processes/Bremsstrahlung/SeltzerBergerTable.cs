using System.Globalization;

namespace Emiss.Shower.Processes.Bremsstrahlung;

/// <summary>
/// Seltzer and Berger's bremsstrahlung spectra (At. Data Nucl. Data Tables 35, 345 (1986)) for one element: the scaled
/// cross section χ(T, κ) = (β²/Z²) k dσ/dk in mb at 57 electron kinetic energies T (1 keV–10 GeV) and 30 reduced photon
/// energies κ = k/T, nuclear and atomic-electron bremsstrahlung together. Below 2 MeV the tables are Pratt et al.'s
/// partial-wave results, from 50 MeV the Coulomb-corrected, screened high-energy theory, interpolated between
/// (docs/physics/bremsstrahlung.md#tabulated-spectra-below-50-mev). The embedded file (Data/seltzer_berger_brems.csv, written by
/// tools/seltzer_berger/make_table.py) holds the elements of the material catalogue and gold. Between nodes χ is linear in
/// ln T and in κ; below 1 keV it is held at its 1 keV row.
/// </summary>
public sealed class SeltzerBergerTable
{
    private const string FileName = "seltzer_berger_brems.csv";
    private static readonly Lazy<SeltzerBergerTable?[]> s_byZ = new(Load);

    private readonly double[] _lnT;      // ln T (T in GeV) of the rows
    private readonly double[] _kappa;    // κ of the columns
    private readonly double[] _chiMb;    // [row · nκ + column]
    private readonly double[] _rowMaxMb; // max over κ of each row

    private SeltzerBergerTable(int z, double[] lnT, double[] kappa, double[] chiMb)
    {
        Z = z;
        _lnT = lnT;
        _kappa = kappa;
        _chiMb = chiMb;
        _rowMaxMb = new double[lnT.Length];
        for (int i = 0; i < lnT.Length; i++)
            foreach (double chi in chiMb.AsSpan(i * kappa.Length, kappa.Length)) _rowMaxMb[i] = Math.Max(_rowMaxMb[i], chi);
    }

    /// <summary>Atomic number.</summary>
    public int Z { get; }

    /// <summary>Whether the embedded file has a table for <paramref name="z"/>.</summary>
    public static bool Has(int z) => z >= 1 && z < s_byZ.Value.Length && s_byZ.Value[z] is not null;

    /// <summary>The table of element <paramref name="z"/>, or a clear error naming the elements that have one.</summary>
    public static SeltzerBergerTable For(int z) => Has(z) ? s_byZ.Value[z]! : throw new InvalidOperationException(
        $"no Seltzer–Berger bremsstrahlung table for Z = {z}; the embedded table has Z = " +
        string.Join(", ", Enumerable.Range(1, s_byZ.Value.Length - 1).Where(Has)) +
        "; add the element with tools/seltzer_berger/make_table.py");

    /// <summary>Where kinetic energy T lies among the table's rows: χ = (1 − w) row i + w row i + 1 (linear in ln T).</summary>
    /// <param name="Index">The lower row i.</param>
    /// <param name="Weight">The weight w of row i + 1.</param>
    public readonly record struct RowPosition(int Index, double Weight);

    /// <summary>The row position of kinetic energy <paramref name="kineticGeV"/>, clamped to the table's range.</summary>
    public RowPosition RowAt(double kineticGeV)
    {
        double ln = Math.Log(kineticGeV);
        if (ln <= _lnT[0]) return new(0, 0.0);
        int last = _lnT.Length - 1;
        if (ln >= _lnT[last]) return new(last - 1, 1.0);
        int i = Array.BinarySearch(_lnT, ln);
        if (i < 0) i = ~i - 1;
        if (i >= last) i = last - 1;
        return new(i, (ln - _lnT[i]) / (_lnT[i + 1] - _lnT[i]));
    }

    /// <summary>χ(T, κ) in mb for an electron of kinetic energy <paramref name="kineticGeV"/>.</summary>
    public double ChiMb(double kineticGeV, double kappa) => ChiMb(RowAt(kineticGeV), kappa);

    /// <summary>χ in mb at row position <paramref name="row"/> and reduced photon energy <paramref name="kappa"/>.</summary>
    public double ChiMb(RowPosition row, double kappa)
    {
        int n = _kappa.Length, j = Column(kappa);
        double u = (kappa - _kappa[j]) / (_kappa[j + 1] - _kappa[j]);
        int lo = row.Index * n + j, hi = lo + n;
        double a = _chiMb[lo] + u * (_chiMb[lo + 1] - _chiMb[lo]);
        double b = _chiMb[hi] + u * (_chiMb[hi + 1] - _chiMb[hi]);
        return a + row.Weight * (b - a);
    }

    /// <summary>An upper bound of χ(T, κ) over all κ at <paramref name="kineticGeV"/>: the larger row maximum of the two
    /// rows it is interpolated between (linear interpolation with non-negative weights cannot exceed it).</summary>
    public double MaxChiMb(double kineticGeV) => MaxChiMb(RowAt(kineticGeV));

    /// <summary>The bound of <see cref="MaxChiMb(double)"/> at a row position.</summary>
    public double MaxChiMb(RowPosition row) => Math.Max(_rowMaxMb[row.Index], _rowMaxMb[row.Index + 1]);

    private int Column(double kappa)
    {
        if (kappa <= 0.0) return 0;
        int last = _kappa.Length - 1;
        if (kappa >= _kappa[last]) return last - 1;
        int j = Array.BinarySearch(_kappa, kappa);
        if (j < 0) j = ~j - 1;
        return Math.Min(j, last - 1);
    }

    private static SeltzerBergerTable?[] Load()
    {
        string resource = "Emiss.Shower.Data." + FileName;
        using Stream s = typeof(SeltzerBergerTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded table {resource} is missing from Emiss.Shower");
        using var reader = new StreamReader(s);
        double[]? kappa = null;
        var rows = new SortedDictionary<int, List<(double T, double[] Chi)>>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            string[] f = line.Split(',');
            if (kappa is null)
            {
                // Header: z,t_mev,kappa_0,kappa_0.05,…
                kappa = [.. f.Skip(2).Select(h => double.Parse(h["kappa_".Length..], CultureInfo.InvariantCulture))];
                continue;
            }
            int z = int.Parse(f[0], CultureInfo.InvariantCulture);
            double t = double.Parse(f[1], CultureInfo.InvariantCulture);
            double[] chi = [.. f.Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            if (chi.Length != kappa.Length) throw new InvalidOperationException($"{resource}: Z = {z}, T = {t} MeV has {chi.Length} values for {kappa.Length} κ");
            if (!rows.TryGetValue(z, out var list)) rows[z] = list = [];
            list.Add((t, chi));
        }
        if (kappa is null || rows.Count == 0) throw new InvalidOperationException($"embedded table {resource} is empty");
        var byZ = new SeltzerBergerTable?[rows.Keys.Max() + 1];
        foreach ((int z, var list) in rows)
            byZ[z] = new SeltzerBergerTable(z, [.. list.Select(r => Math.Log(r.T * 1e-3))], kappa, [.. list.SelectMany(r => r.Chi)]);
        return byZ;
    }
}
