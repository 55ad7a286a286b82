using System.Runtime.CompilerServices;

namespace Emiss.Shower.Fast;

/// <summary>
/// What a library shower holds besides its deposits: its track-length segments (<see cref="TrackSegmentAccumulator"/>)
/// and the energy its processes removed invisibly, per process index. Contiguous over all entries, entry k's
/// items in [Start[k], Start[k + 1]); segments are packed records (<see cref="LibrarySegment"/>).
/// </summary>
internal sealed class LibraryExtras
{
    private LibraryExtras(int[] segmentStart, LibrarySegment[] segments, int[] invisibleStart, int[] invisibleProcess, double[] invisibleGeV)
    {
        SegmentStart = segmentStart; Segments = segments;
        InvisibleStart = invisibleStart; InvisibleProcess = invisibleProcess; InvisibleGeV = invisibleGeV;
    }

    /// <summary>Extras from stored arrays (<see cref="ShowerLibraryFile"/>).</summary>
    /// <exception cref="InvalidDataException">The start arrays do not index the item arrays.</exception>
    public static LibraryExtras FromStored(int[] segmentStart, LibrarySegment[] segments, int[] invisibleStart, int[] invisibleProcess, double[] invisibleGeV)
    {
        if (segmentStart.Length == 0 || invisibleStart.Length == 0 || segmentStart[^1] != segments.Length || invisibleStart[^1] != invisibleGeV.Length
            || invisibleProcess.Length != invisibleGeV.Length)
            throw new InvalidDataException("the stored segment and invisible-energy arrays do not match their start arrays");
        return new LibraryExtras(segmentStart, segments, invisibleStart, invisibleProcess, invisibleGeV);
    }

    public int[] SegmentStart { get; }

    /// <summary>All entries' segments, entry k's in [SegmentStart[k], SegmentStart[k + 1]).</summary>
    public LibrarySegment[] Segments { get; }

    public int[] InvisibleStart { get; }

    public int[] InvisibleProcess { get; }

    public double[] InvisibleGeV { get; }

    /// <summary>Memory held, bytes.</summary>
    public long Bytes => Segments.LongLength * Unsafe.SizeOf<LibrarySegment>() + InvisibleGeV.LongLength * 12 + 8L * SegmentStart.Length;

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
        var segments = new LibrarySegment[segStart[n]];
        var proc = new int[invStart[n]];
        var inv = new double[invStart[n]];
        for (int k = 0; k < n; k++)
        {
            Entry x = entries[k];
            for (int i = 0; i < x.SegmentType.Length; i++)
                segments[segStart[k] + i] = new LibrarySegment(x.SegmentKineticGeV[i], x.SegmentLengthCm[i], x.SegmentType[i], x.SegmentPhase[i]);
            x.InvisibleProcess.CopyTo(proc, invStart[k]); x.InvisibleGeV.CopyTo(inv, invStart[k]);
        }
        return new LibraryExtras(segStart, segments, invStart, proc, inv);
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
