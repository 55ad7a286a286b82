using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Scoring;

/// <summary>
/// The edges of the track-length log bins as doubles: <see cref="Edges"/>[b] is the smallest positive double whose
/// <see cref="TrackLengthBins.ExactLogBin"/> is at least b, found once by bisection over the bit patterns of positive
/// doubles (ordered like the values). A look-up compares with these edges instead of taking a logarithm, so it returns
/// what the formula returns as long as the formula does not decrease with the energy (floor of a logarithm of a
/// quotient; tests/Emiss.Shower.Tests/Scoring/LogBinEdgesTests checks the doubles around every edge and random energies).
/// The bracket is found by a <see cref="MonotoneTableIndex"/> over the edges (16 buckets per octave, finer than the
/// 3.3 bins per octave, so a bucket holds at most one edge and a look-up compares once or twice).
/// </summary>
internal static class LogBinEdges
{
    /// <summary>Edges[b] for b = 0 … <see cref="TrackLengthBins.LogBins"/>, GeV.</summary>
    internal static readonly double[] Edges = [.. Enumerable.Range(0, TrackLengthBins.LogBins + 1).Select(SmallestWithBinAtLeast)];

    private static readonly MonotoneTableIndex Index = MonotoneTableIndex.TryCreate(Edges)
        ?? throw new InvalidOperationException("track-length log-bin edges are not strictly increasing");

    /// <summary>The bin of <paramref name="kineticGeV"/>, for Edges[0] ≤ E &lt; Edges[^1].</summary>
    internal static int Find(double kineticGeV) => Index.Lower(Edges, kineticGeV);

    private static double SmallestWithBinAtLeast(int b)
    {
        double guess = TrackLengthBins.LogEdgeGeV(b);
        long lo = BitConverter.DoubleToInt64Bits(0.5 * guess), hi = BitConverter.DoubleToInt64Bits(2.0 * guess);
        // Invariant: bin(lo) < b ≤ bin(hi).
        while (hi - lo > 1)
        {
            long mid = lo + ((hi - lo) >> 1);
            if (TrackLengthBins.ExactLogBin(BitConverter.Int64BitsToDouble(mid)) >= b) hi = mid; else lo = mid;
        }
        return BitConverter.Int64BitsToDouble(hi);
    }
}
