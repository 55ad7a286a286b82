namespace Emiss.Shower.Fast;

/// <summary>
/// What a library shower holds besides its deposits: its track-length segments (<see cref="TrackSegmentAccumulator"/>)
/// and the energy its processes removed invisibly, per process index. Struct-of-arrays over all entries, entry k's
/// items in [Start[k], Start[k + 1]).
/// </summary>
internal sealed class LibraryExtras
{
    private LibraryExtras(int[] segmentStart, byte[] segmentType, byte[] segmentPhase, float[] segmentKineticGeV, float[] segmentLengthCm,
        int[] invisibleStart, int[] invisibleProcess, double[] invisibleGeV)
    {
        SegmentStart = segmentStart; SegmentType = segmentType; SegmentPhase = segmentPhase;
        SegmentKineticGeV = segmentKineticGeV; SegmentLengthCm = segmentLengthCm;
        InvisibleStart = invisibleStart; InvisibleProcess = invisibleProcess; InvisibleGeV = invisibleGeV;
    }

    public int[] SegmentStart { get; }

    public byte[] SegmentType { get; }

    public byte[] SegmentPhase { get; }

    public float[] SegmentKineticGeV { get; }

    public float[] SegmentLengthCm { get; }

    public int[] InvisibleStart { get; }

    public int[] InvisibleProcess { get; }

    public double[] InvisibleGeV { get; }

    /// <summary>Memory held, bytes.</summary>
    public long Bytes => SegmentType.LongLength * 10 + InvisibleGeV.LongLength * 12 + 8L * SegmentStart.Length;

    /// <summary>Packs the entries in index order.</summary>
    public static LibraryExtras Pack(IReadOnlyList<Entry> entries)
    {
        int n = entries.Count;
        var segStart = new int[n + 1];
        var invStart = new int[n + 1];
        for (int k = 0; k < n; k++)
        {
            segStart[k + 1] = checked(segStart[k] + entries[k].SegmentType.Length);
            invStart[k + 1] = checked(invStart[k] + entries[k].InvisibleGeV.Length);
        }
        var type = new byte[segStart[n]];
        var phase = new byte[segStart[n]];
        var e = new float[segStart[n]];
        var len = new float[segStart[n]];
        var proc = new int[invStart[n]];
        var inv = new double[invStart[n]];
        for (int k = 0; k < n; k++)
        {
            Entry x = entries[k];
            x.SegmentType.CopyTo(type, segStart[k]); x.SegmentPhase.CopyTo(phase, segStart[k]);
            x.SegmentKineticGeV.CopyTo(e, segStart[k]); x.SegmentLengthCm.CopyTo(len, segStart[k]);
            x.InvisibleProcess.CopyTo(proc, invStart[k]); x.InvisibleGeV.CopyTo(inv, invStart[k]);
        }
        return new LibraryExtras(segStart, type, phase, e, len, invStart, proc, inv);
    }

    /// <summary>One built shower's segments and invisible energies (build-time only).</summary>
    public sealed record Entry(byte[] SegmentType, byte[] SegmentPhase, float[] SegmentKineticGeV, float[] SegmentLengthCm,
        int[] InvisibleProcess, double[] InvisibleGeV)
    {
        public static Entry From(TrackSegmentAccumulator segments, double[] invisibleByProcess)
        {
            (byte[] type, byte[] phase, float[] e, float[] len) = segments.Segments();
            int[] proc = [.. Enumerable.Range(0, invisibleByProcess.Length).Where(i => invisibleByProcess[i] > 0)];
            return new Entry(type, phase, e, len, proc, [.. proc.Select(i => invisibleByProcess[i])]);
        }
    }
}
