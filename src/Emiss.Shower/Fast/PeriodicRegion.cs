using Emiss.Shower.Geometry;

namespace Emiss.Shower.Fast;

/// <summary>
/// A run of slabs [<see cref="FirstSlab"/>, <see cref="LastSlab"/>] in which layer i and layer i + <see cref="Period"/>
/// have the same material, thickness and read-out flag (e.g. the NA64 ECAL's 150 × (Pb + Sc)). Inside it a shower can be
/// moved by whole periods without changing which material each deposit lands in.
/// </summary>
/// <param name="FirstSlab">First slab of the region (phase 0).</param>
/// <param name="LastSlab">Last slab of the region (inclusive).</param>
/// <param name="Period">Slabs per period.</param>
/// <param name="PeriodLengthCm">Length of one period along z, cm.</param>
public sealed record PeriodicRegion(int FirstSlab, int LastSlab, int Period, double PeriodLengthCm)
{
    /// <summary>Fewest periods a region must hold to be used.</summary>
    public const int MinimumPeriods = 8;

    /// <summary>Longest slabs-per-period tried.</summary>
    public const int MaximumPeriod = 8;

    /// <summary>Whether <paramref name="slab"/> lies inside the region.</summary>
    public bool Contains(int slab) => slab >= FirstSlab && slab <= LastSlab;

    /// <summary>Position of <paramref name="slab"/> within its period (0 … Period − 1).</summary>
    public int PhaseOf(int slab) => (slab - FirstSlab) % Period;

    /// <summary>
    /// Finds the longest periodic run of slabs (shortest period first on ties), or null when no run of at least
    /// <see cref="MinimumPeriods"/> periods exists. With <paramref name="containing"/>, only runs that include that slab
    /// count: a stack with several periodic parts (ECAL and HCAL back to back) gets the part where showers start.
    /// </summary>
    public static PeriodicRegion? Detect(SlabStack geometry, int? containing = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        int n = geometry.SlabCount;
        if (containing is int c && (uint)c >= (uint)n) throw new ArgumentOutOfRangeException(nameof(containing), c, $"'{geometry.Name}' has {n} slabs");
        PeriodicRegion? best = null;
        int bestLength = 0;
        for (int p = 1; p <= MaximumPeriod && 2 * p <= n; p++)
        {
            int start = 0;
            while (start + p < n)
            {
                int end = start;       // extend while slab end+p matches slab end
                while (end + p < n && Same(geometry.Layers[end], geometry.Layers[end + p])) end++;
                // slabs [start, end + p − 1] are periodic with period p
                int length = end + p - start;
                int periods = length / p;
                int last = start + periods * p - 1;   // whole periods only
                bool wanted = containing is not int s || (s >= start && s <= last);
                if (end > start && periods >= MinimumPeriods && periods * p > bestLength && wanted)
                {
                    bestLength = periods * p;
                    best = new PeriodicRegion(start, last, p, geometry.ZEdgesCm[start + p] - geometry.ZEdgesCm[start]);
                }
                start = end + 1;
            }
        }
        return best;
    }

    private static bool Same(SlabLayer a, SlabLayer b) =>
        a.Material.Name == b.Material.Name && a.Active == b.Active && Math.Abs(a.ThicknessCm - b.ThicknessCm) <= 1e-9 * a.ThicknessCm;
}
