namespace Emiss.Shower.Scoring;

/// <summary>
/// The edges of the track-length log bins as doubles: <see cref="Edges"/>[b] is the smallest positive double whose
/// <see cref="TrackLengthBins.ExactLogBin"/> is at least b, found once by bisection over the bit patterns of positive
/// doubles (ordered like the values). A look-up compares with these edges instead of taking a logarithm, so it returns
/// what the formula returns as long as the formula does not decrease with the energy (floor of a logarithm of a
/// quotient; tests/Emiss.Shower.Tests/Scoring/LogBinEdgesTests checks the doubles around every edge and random energies).
/// The edges are bucketed like <see cref="PhysicsList.MonotoneTableIndex"/> (16 buckets per octave, finer than the
/// 3.3 bins per octave, so a bucket holds at most one edge and a look-up compares once or twice).
/// </summary>
internal static class LogBinEdges
{
    private const int Shift = 48;                 // 64 − 1 sign − 11 exponent − 4 mantissa bits
    private static readonly long KeyMin;
    private static readonly int[] Start;

    /// <summary>Edges[b] for b = 0 … <see cref="TrackLengthBins.LogBins"/>, GeV.</summary>
    internal static readonly double[] Edges;

#pragma warning disable CA1810 // the three tables depend on one another: one static constructor builds them in order
    static LogBinEdges()
    {
        Edges = new double[TrackLengthBins.LogBins + 1];
        for (int b = 0; b <= TrackLengthBins.LogBins; b++) Edges[b] = SmallestWithBinAtLeast(b);
        KeyMin = Key(Edges[0]);
        Start = new int[Key(Edges[^1]) - KeyMin + 1];
        int lo = 0;
        for (int k = 0; k < Start.Length; k++)
        {
            double bucketLow = BitConverter.Int64BitsToDouble((KeyMin + k) << Shift);
            while (lo + 1 < Edges.Length && Edges[lo + 1] <= bucketLow) lo++;
            Start[k] = lo;
        }
    }
#pragma warning restore CA1810

    /// <summary>The bin of <paramref name="kineticGeV"/>, for Edges[0] ≤ E &lt; Edges[^1].</summary>
    internal static int Find(double kineticGeV)
    {
        int b = Start[Key(kineticGeV) - KeyMin];
        while (kineticGeV >= Edges[b + 1]) b++;
        return b;
    }

    private static long Key(double x) => BitConverter.DoubleToInt64Bits(x) >> Shift;

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
