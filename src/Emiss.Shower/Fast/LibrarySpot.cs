using System.Runtime.InteropServices;

namespace Emiss.Shower.Fast;

/// <summary>
/// One stored deposit of a library shower in the library frame (shower along +z from the centre of its start slab):
/// energy-weighted lateral centroid and slab-centre depth offset (cm), energy and visible energy (GeV; they differ in
/// active slabs with Birks saturation) and the phase of its slab in the period. Packed (21 bytes) and stored contiguously per entry, so placing an entry streams one block of memory instead
/// of one per field (entries of a 25 MiB library are drawn at random, so each substitution starts with a cold cache; the
/// measured gain is small, within the ±15 % scatter of the shared machine: docs/physics/fast-mode.md#performance).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct LibrarySpot(float dx, float dy, float dz, float energyGeV, float visibleGeV, byte phase)
{
    public readonly float Dx = dx;

    public readonly float Dy = dy;

    public readonly float Dz = dz;

    public readonly float EnergyGeV = energyGeV;

    public readonly float VisibleGeV = visibleGeV;

    public readonly byte Phase = phase;
}

/// <summary>
/// One track-length segment of a library shower (<see cref="TrackSegmentAccumulator"/>): length-weighted mean kinetic
/// energy (GeV), summed length (cm), species, slab phase and the track-length log bin of that energy
/// (<see cref="Scoring.TrackLengthBins.LogBin"/>, computed once at build time from the stored float, so the tallies bin the replayed
/// segment exactly as they would from its energy); packed (12 bytes) for the same reason as <see cref="LibrarySpot"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct LibrarySegment(float kineticGeV, float lengthCm, byte type, byte phase)
{
    public readonly float KineticGeV = kineticGeV;

    public readonly short LogBin = (short)Math.Clamp(Scoring.TrackLengthBins.LogBin(kineticGeV), short.MinValue, short.MaxValue);

    public readonly float LengthCm = lengthCm;

    public readonly byte Type = type;

    public readonly byte Phase = phase;
}
