namespace Emiss.Reporting.Profiles;

/// <summary>
/// A histogram as a density: bin edges and the content per unit of the binned variable (per GeV, per X0, per cm),
/// the form in which tables and figures show track-length spectra and shower profiles so that bins of different
/// widths compare directly.
/// </summary>
/// <param name="Edges">Bin edges, increasing; one more than <paramref name="PerUnit"/>.</param>
/// <param name="PerUnit">Content of each bin divided by its width.</param>
public sealed record BinnedDensity(double[] Edges, double[] PerUnit)
{
    /// <summary>Densities from bin contents over arbitrary edges: content / (upper − lower edge).</summary>
    public static BinnedDensity FromContents(IReadOnlyList<double> edges, IReadOnlyList<double> contents)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(contents);
        if (edges.Count != contents.Count + 1) throw new ArgumentException("need one more edge than bins", nameof(edges));
        var perUnit = new double[contents.Count];
        for (int b = 0; b < perUnit.Length; b++) perUnit[b] = contents[b] / (edges[b + 1] - edges[b]);
        return new BinnedDensity([.. edges], perUnit);
    }

    /// <summary>Densities from the contents of bins of equal <paramref name="width"/> starting at 0: content / width.</summary>
    public static BinnedDensity FromUniformContents(double width, IReadOnlyList<double> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        if (!(width > 0) || !double.IsFinite(width)) throw new ArgumentOutOfRangeException(nameof(width), width, "bin width must be finite and > 0");
        double[] edges = [.. Enumerable.Range(0, contents.Count + 1).Select(i => i * width)];
        return new BinnedDensity(edges, [.. contents.Select(c => c / width)]);
    }

    /// <summary>
    /// Regroups thin cells (e.g. the alternating absorber and scintillator slabs of a sampling calorimeter) into
    /// bins of <paramref name="binWidth"/> from 0 to the last cell edge, so that the thin layers do not make the
    /// profile alternate. Each cell goes wholly into the bin holding its centre; a bin's density is the sum of its
    /// cells' contents over the sum of their widths (empty bins are 0).
    /// </summary>
    /// <param name="cellEdges">Cell edges, increasing from 0 (e.g. slab depth edges in X0).</param>
    /// <param name="cellCentres">Cell centres on the same axis.</param>
    /// <param name="cellContents">Content of each cell.</param>
    /// <param name="binWidth">Width of the output bins (e.g. 0.5 X0).</param>
    public static BinnedDensity RegroupByCentre(IReadOnlyList<double> cellEdges, IReadOnlyList<double> cellCentres,
        IReadOnlyList<double> cellContents, double binWidth)
    {
        ArgumentNullException.ThrowIfNull(cellEdges);
        ArgumentNullException.ThrowIfNull(cellCentres);
        ArgumentNullException.ThrowIfNull(cellContents);
        int cells = cellContents.Count;
        if (cellEdges.Count != cells + 1 || cellCentres.Count != cells) throw new ArgumentException("need one more cell edge than cells and one centre per cell", nameof(cellEdges));
        if (!(binWidth > 0) || !double.IsFinite(binWidth)) throw new ArgumentOutOfRangeException(nameof(binWidth), binWidth, "bin width must be finite and > 0");
        int nb = (int)Math.Ceiling(cellEdges[^1] / binWidth);
        double[] edges = [.. Enumerable.Range(0, nb + 1).Select(i => binWidth * i)];
        var sum = new double[nb];
        var width = new double[nb];
        for (int i = 0; i < cells; i++)
        {
            int b = Math.Min((int)(cellCentres[i] / binWidth), nb - 1);
            sum[b] += cellContents[i];
            width[b] += cellEdges[i + 1] - cellEdges[i];
        }
        for (int b = 0; b < nb; b++)
            if (width[b] > 0) sum[b] /= width[b];
        return new BinnedDensity(edges, sum);
    }

    /// <summary>Geometric bin centres √(lower · upper), for log-scaled axes.</summary>
    public double[] GeometricCentres() => [.. Enumerable.Range(0, PerUnit.Length).Select(b => Math.Sqrt(Edges[b] * Edges[b + 1]))];

    /// <summary>The bins up to and including the last with a positive density (none if there is none), as (centres, densities) for a log plot.</summary>
    public (double[] Centres, double[] PerUnit) GeometricPointsThroughLastPositive()
    {
        int last = Array.FindLastIndex(PerUnit, v => v > 0);
        return last < 0 ? ([], []) : (GeometricCentres()[..(last + 1)], PerUnit[..(last + 1)]);
    }
}
