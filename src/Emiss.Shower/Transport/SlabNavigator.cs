using System.Runtime.CompilerServices;
using Emiss.Shower.Geometry;

namespace Emiss.Shower.Transport;

/// <summary>
/// Geometry queries of the transport in a <see cref="SlabStack"/>: slabs along z inside a box or cylinder of
/// transverse size h. Distances are along the track direction, in cm; the navigator never changes energies. Boundaries are
/// the faces of volumes: a slab's own faces, or those of the volume whose readout bins it belongs to
/// (<see cref="SlabStack.HasMultiSlabVolumes"/>), whose inner bin edges transport crosses without stopping.
/// </summary>
internal sealed class SlabNavigator(SlabStack geometry)
{
    private readonly SlabStack _geo = geometry;

    /// <summary>The geometry navigated.</summary>
    public SlabStack Geometry => _geo;

    /// <summary>Distance along z to the nearer face of the current volume, cm (isotropic safety for a slab).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Safety(in TrackState p) => Math.Min(p.Z - _geo.VolumeLowZCm[p.Slab], _geo.VolumeHighZCm[p.Slab] - p.Z);

    /// <summary>Distance in any direction to the nearest boundary of the current volume, cm: the two faces and the lateral
    /// edge (box faces at ±h or the cylinder of radius h). A particle whose residual range is shorter cannot leave the slab
    /// (range rejection: I. Kawrakow, D. W. O. Rogers, NRCC PIRS-701, "ESAVE"; docs/physics/transport.md#tracking-cut-and-range-rejection).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double IsotropicSafety(in TrackState p)
    {
        double h = _geo.TransverseSizeCm;
        double lateral = _geo.Shape == TransverseShape.Box
            ? h - Math.Max(Math.Abs(p.X), Math.Abs(p.Y))
            : h - Math.Sqrt(p.X * p.X + p.Y * p.Y);
        return Math.Max(0.0, Math.Min(Safety(p), lateral));
    }

    /// <summary>Distance to the next boundary of the current volume and whether it is the lateral one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (double S, bool Lateral) DistanceToBoundary(in TrackState p)
    {
        double sz = double.PositiveInfinity;
        if (p.Uz > 0) sz = (_geo.VolumeHighZCm[p.Slab] - p.Z) / p.Uz;
        else if (p.Uz < 0) sz = (_geo.VolumeLowZCm[p.Slab] - p.Z) / p.Uz;
        if (sz < 0) sz = 0;
        double st = DistanceToLateral(p);
        return st < sz ? (st, true) : (sz, false);
    }

    /// <summary>Distance to the lateral boundary (box faces at ±h or cylinder of radius h), cm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double DistanceToLateral(in TrackState p)
    {
        double st;
        double h = _geo.TransverseSizeCm;
        if (_geo.Shape == TransverseShape.Box)
        {
            double sx = p.Ux > 0 ? (h - p.X) / p.Ux : p.Ux < 0 ? (-h - p.X) / p.Ux : double.PositiveInfinity;
            double sy = p.Uy > 0 ? (h - p.Y) / p.Uy : p.Uy < 0 ? (-h - p.Y) / p.Uy : double.PositiveInfinity;
            st = Math.Min(sx, sy);
        }
        else
        {
            double a = p.Ux * p.Ux + p.Uy * p.Uy;
            if (a <= 1e-300) st = double.PositiveInfinity;
            else
            {
                double b = p.X * p.Ux + p.Y * p.Uy, c = p.X * p.X + p.Y * p.Y - h * h;
                double disc = b * b - a * c;
                st = disc <= 0 ? 0.0 : (-b + Math.Sqrt(disc)) / a;
            }
        }
        if (st < 0) st = 0;
        return st;
    }

    /// <summary>Distance along the direction to leaving the world (stack faces or lateral boundary), cm.</summary>
    public double DistanceToExit(in TrackState p)
    {
        double sz = p.Uz > 0 ? (_geo.LengthCm - p.Z) / p.Uz : p.Uz < 0 ? -p.Z / p.Uz : double.PositiveInfinity;
        double st = DistanceToLateral(p);
        return Math.Max(0.0, Math.Min(sz, st));
    }

    /// <summary>Finds the slab containing the current z, walking from the previous one (at most all slabs).</summary>
    public void LocateSlab(ref TrackState p) => p.Slab = Walk(p.Z, p.Slab, 0, _geo.SlabCount - 1);

    /// <summary>The slab of slabs <paramref name="first"/>…<paramref name="last"/> that holds <paramref name="z"/>, walking from
    /// slab <paramref name="from"/>; a point on a face stays in the slab it was in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Walk(double z, int from, int first, int last)
    {
        int i = from;
        while (i < last && z > _geo.ZEdgesCm[i + 1]) i++;
        while (i > first && z < _geo.ZEdgesCm[i]) i--;
        return i;
    }

    /// <summary>The slab of the current volume that holds <paramref name="z"/>, walking from slab <paramref name="from"/>: a charged
    /// track changes volume only by <see cref="CrossPlane"/>, so a point a rounding error beyond a volume face stays in the
    /// volume's end slab.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlabInVolumeAt(double z, int from) => Walk(z, from, _geo.VolumeFirstSlab[from], _geo.VolumeLastSlab[from]);

    /// <summary>After a charged step inside a volume of several readout bins: moves the track to the bin that now holds it (the
    /// volume's end bin at the face it reached, the far one if <paramref name="forward"/>) and returns the bin of the step's
    /// deposit point <paramref name="zDeposit"/>.</summary>
    public int FollowBins(ref TrackState p, double zDeposit, bool reachedFace, bool forward)
    {
        int deposit = SlabInVolumeAt(zDeposit, p.Slab);
        p.Slab = !reachedFace ? SlabInVolumeAt(p.Z, p.Slab) : forward ? _geo.VolumeLastSlab[p.Slab] : _geo.VolumeFirstSlab[p.Slab];
        return deposit;
    }

    /// <summary>True if (x, y) is on or beyond the lateral boundary.</summary>
    public bool Outside(double x, double y)
    {
        double h = _geo.TransverseSizeCm;
        return _geo.Shape == TransverseShape.Box ? Math.Abs(x) >= h || Math.Abs(y) >= h : x * x + y * y >= h * h;
    }

    /// <summary>Moves z by <paramref name="dz"/> but keeps the point strictly inside the current volume (the slab that holds
    /// it is the caller's to update where a volume holds several).</summary>
    public void ShiftZWithinSlab(ref TrackState p, double dz)
    {
        double zlo = _geo.VolumeLowZCm[p.Slab], zhi = _geo.VolumeHighZCm[p.Slab];
        p.Z = Math.Clamp(p.Z + dz, zlo + 1e-9 * (zhi - zlo), zhi - 1e-9 * (zhi - zlo));
    }

    /// <summary>Moves the track across the face of its volume it has reached (the far face if <paramref name="forward"/>)
    /// into the neighbouring slab; false if that leaves the stack.</summary>
    public bool CrossPlane(ref TrackState p, bool forward)
    {
        if (forward)
        {
            p.Z = _geo.VolumeHighZCm[p.Slab];
            p.Slab = _geo.VolumeLastSlab[p.Slab] + 1;
            return p.Slab < _geo.SlabCount;
        }
        p.Z = _geo.VolumeLowZCm[p.Slab];
        p.Slab = _geo.VolumeFirstSlab[p.Slab] - 1;
        return p.Slab >= 0;
    }
}
