using Emiss.Analysis.Blinding;
using Emiss.Events.Selection;

namespace Emiss.Analysis.Systematics;

/// <summary>Counts data events of a benchmark selection outside the blinded region (e.g. the dimuon benchmark), per
/// sample, through the blind reader: a benchmark is an allowed look at the data because it never touches the box.</summary>
public static class BenchmarkCount
{
    /// <summary>Events per sample (in <see cref="BlindDataSet.Samples"/> order) for which <paramref name="inSelection"/> holds.</summary>
    public static async Task<IReadOnlyList<(string Sample, long Events)>> CountAsync(BlindDataSet data, Func<SelectionColumns, int, bool> inSelection,
                                                                                    CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inSelection);
        var counts = data.Samples.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        await data.ForEachOutsideRegionAsync((sample, c) =>
        {
            long n = 0;
            for (int r = 0; r < c.Count; r++)
                if (inSelection(c, r)) n++;
            counts[sample] += n;
        }, cancellationToken).ConfigureAwait(false);
        return [.. data.Samples.Select(s => (s, counts[s]))];
    }
}
