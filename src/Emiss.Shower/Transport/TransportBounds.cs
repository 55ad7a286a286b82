using System.Globalization;
using System.Runtime.CompilerServices;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Shower.Transport;

/// <summary>
/// Bounds of the transport loops (<see cref="LoopBound"/>): a track that keeps stepping, a stack that keeps growing
/// or an event that keeps producing tracks becomes an internal error naming the event instead of a hang. Gold values
/// for the margins (largest per track or per event over the events run, seed 1, standard physics): 100 GeV e⁻ in
/// na64-ecal (8 events): 205 charged steps, 462 photon flights, stack depth 115, 8.5·10⁴ tracks; 1 TeV μ⁻ in na64-hcal
/// (20 events): 384 steps; 1 TeV γ in testem2-pbwo4 (2 events): stack depth 137, 5.8·10⁵ tracks.
/// </summary>
internal static class TransportBounds
{
    /// <summary>Steps of one charged track, or flights of one photon (Woodcock virtual collisions included):
    /// ~2500 times the longest track measured.</summary>
    public const int MaxStepsPerTrack = 1_000_000;

    /// <summary>Particles waiting on the stack: depth-first processing keeps it near 10²; the bound (4·10⁶ entries,
    /// ~340 MB) stops a runaway before it exhausts memory.</summary>
    public const int MaxStackDepth = 1 << 22;

    /// <summary>Tracks of one event: 10⁶ plus the energy budget in units of the tracking cut (10⁷ at 100 GeV with the
    /// 10 keV default), about 100 times the ~850 tracks per GeV measured.</summary>
    public static long MaxTracks(double budgetGeV, double trackingCutGeV) =>
        1_000_000 + (long)Math.Min(budgetGeV / trackingCutGeV, 1e15);

    /// <summary>The internal error for a transport loop that reached its bound (kept out of line: it is never hot).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static EmissInternalException Exceeded(string loop, long bound, in TrackState p, in EventRng rng) =>
        LoopBound.Exceeded(loop, bound, rng, string.Create(CultureInfo.InvariantCulture,
            $"{ShowerSpeciesInfo.Name(p.Type)} of {p.T} GeV in slab {p.Slab} at z = {p.Z} cm"));
}
