using System.Diagnostics;
using System.Runtime.CompilerServices;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Shower.Fast;

/// <summary>
/// Frozen showers of low-energy e⁻, e⁺ and γ, built by the analog transport in the periodic part of a geometry with
/// the same physics, and used to replace the transport of such particles (the shower-library technique of
/// Geant4/ATLAS frozen showers and GFlash's "shower library" option).
/// <para>Entries are keyed by species, the start slab's position in the period (phase) and a log energy bin; each stores
/// spots (slab offset, lateral centroid, energy) relative to a start point moving along +z, plus the escaped energy.
/// A substituted particle gets an entry within one bin width of its energy (<see cref="PickEntry"/>; event stream, so runs stay deterministic), scaled by
/// budget / entry total (energy conserved exactly), rotated to its direction with a random azimuth, and each spot is
/// moved by whole periods to the slab of the same phase nearest its rotated depth, so absorber deposits land in
/// absorber and active deposits in active slabs. Spots outside the stack count as leakage.</para>
/// <para>Storage: one contiguous array of packed spots (<see cref="LibrarySpot"/>) over all entries, entry k's in
/// [start[k], start[k + 1]), so placing an entry reads one block; the slab offsets, needed only by diagnostics, are kept apart.</para>
/// </summary>
public sealed class ShowerLibrary
{
    private const int Species = 3;
    private readonly int[] _entryStart;
    private readonly double[] _entryTotal, _entryEscaped;
    private readonly short[] _dSlab;
    private readonly LibrarySpot[] _spots;
    private readonly LibraryExtras _extras;
    private readonly int _bins, _perBin, _period, _first, _last, _slabCount;
    private readonly double _lnMin, _invDln, _invPeriodLength, _halfWidth;
    private readonly bool _box;
    private readonly double[] _zPhase, _zEdges, _x0;
    private readonly int[] _slabMaterial;

    private ShowerLibrary(ShowerPhysics physics, FastShowerOptions options, PeriodicRegion region, double minGeV, int bins,
        int[] entryStart, double[] entryTotal, double[] entryEscaped, short[] dSlab, LibrarySpot[] spots, LibraryExtras extras, TimeSpan buildTime)
    {
        Physics = physics;
        Options = options;
        Region = region;
        MinGeV = minGeV;
        Key = ShowerLibraryKey.Of(physics, options);
        _bins = bins;
        _perBin = options.EntriesPerBin;
        _entryStart = entryStart; _entryTotal = entryTotal; _entryEscaped = entryEscaped;
        _dSlab = dSlab; _spots = spots;
        _extras = extras;
        BuildTime = buildTime;
        SlabStack g = physics.Geometry;
        _slabMaterial = g.SlabMaterial;
        _x0 = [.. physics.Materials.Materials.Select(m => m.RadiationLengthCm)];
        _period = region.Period; _first = region.FirstSlab; _last = region.LastSlab; _slabCount = g.SlabCount;
        _lnMin = Math.Log(minGeV);
        _invDln = bins / (LnTop(options.SwitchGeV, minGeV, bins) - _lnMin);
        _invPeriodLength = 1.0 / region.PeriodLengthCm;
        _zEdges = g.ZEdgesCm;
        _zPhase = [.. Enumerable.Range(0, _period).Select(k => 0.5 * (g.ZEdgesCm[_first + k] + g.ZEdgesCm[_first + k + 1]))];
        _box = g.Shape == TransverseShape.Box;
        _halfWidth = g.TransverseSizeCm;
    }

    /// <summary>
    /// A library from stored arrays (<see cref="ShowerLibraryFile"/>): the region and bin layout are recomputed from
    /// <paramref name="physics"/> and <paramref name="options"/> exactly as <see cref="Build"/> does, and must agree with the
    /// stored ones, so a loaded library is the built one, array for array.
    /// </summary>
    /// <exception cref="InvalidDataException">The arrays do not fit the layout of <paramref name="options"/>.</exception>
    internal static ShowerLibrary FromStored(ShowerPhysics physics, FastShowerOptions options, double minGeV, int bins, int[] entryStart,
        double[] entryTotal, double[] entryEscaped, short[] dSlab, LibrarySpot[] spots, LibraryExtras extras, TimeSpan loadTime, string cachePath)
    {
        PeriodicRegion region = PeriodicRegion.Detect(physics.Geometry, options.RegionContainingSlab)
            ?? throw new InvalidDataException("the geometry has no periodic region");
        int jobs = Species * region.Period * bins * options.EntriesPerBin;
        if (entryTotal.Length != jobs || entryEscaped.Length != jobs || entryStart.Length != jobs + 1 || entryStart[jobs] != spots.Length
            || dSlab.Length != spots.Length || extras.SegmentStart.Length != jobs + 1 || extras.InvisibleStart.Length != jobs + 1)
            throw new InvalidDataException($"the stored arrays do not match {jobs} entries of the library layout");
        return new ShowerLibrary(physics, options, region, minGeV, bins, entryStart, entryTotal, entryEscaped, dSlab, spots, extras, loadTime)
        {
            LoadedFrom = cachePath,
        };
    }

    /// <summary>The cache file this library was loaded from (<see cref="ShowerLibraryDiskCache"/>); null when it was built by this process.</summary>
    public string? LoadedFrom { get; private init; }

    /// <summary>The cache file the built library was written to; null when loaded, not cached or the write failed.</summary>
    public string? CachedAs { get; internal set; }

    /// <summary>How the library came to be, for the run's messages and timing.json: "built", "built, cached as PATH" or "loaded from PATH".</summary>
    public string Origin => LoadedFrom is { } from ? "loaded from " + from : CachedAs is { } to ? "built, cached as " + to : "built";

    /// <summary>Stored arrays, for <see cref="ShowerLibraryFile"/>.</summary>
    internal (double MinGeV, int Bins, int[] EntryStart, double[] EntryTotal, double[] EntryEscaped, short[] DSlab, LibrarySpot[] Spots, LibraryExtras Extras) Stored =>
        (MinGeV, _bins, _entryStart, _entryTotal, _entryEscaped, _dSlab, _spots, _extras);

    /// <summary>The physics (and geometry) the library was built for; transport with a library requires the same instance.</summary>
    public ShowerPhysics Physics { get; }

    /// <summary>What the library depends on: geometry content, physics options (cuts) without extra processes, build settings.</summary>
    public ShowerLibraryKey Key { get; }

    /// <summary>
    /// Whether transport with <paramref name="physics"/> may use this library: the same physics instance, or the same
    /// geometry content and physics options apart from <see cref="PhysicsOptions.ExtraProcesses"/> when the library was
    /// built without extra processes. The latter lets every worker of a run whose workers each own physics with their
    /// own A′ processes share one library built with the standard processes; the caller guarantees that its extra
    /// processes do not matter below <see cref="SwitchGeV"/> (the A′ signal window starts far above it).
    /// </summary>
    public bool Serves(ShowerPhysics physics)
    {
        ArgumentNullException.ThrowIfNull(physics);
        if (ReferenceEquals(physics, Physics)) return true;
        return Physics.Options.ExtraProcesses.IsEmpty && ShowerLibraryKey.Of(physics, Options) == Key;
    }

    /// <summary>Build settings.</summary>
    public FastShowerOptions Options { get; }

    /// <summary>Where substitution applies.</summary>
    public PeriodicRegion Region { get; }

    /// <summary>Upper end of the library (E_switch), GeV.</summary>
    public double SwitchGeV => Options.SwitchGeV;

    /// <summary>Lower end of the library, GeV.</summary>
    public double MinGeV { get; }

    /// <summary>Upper end of the stored showers, GeV: half a bin above <see cref="SwitchGeV"/> (<see cref="LnTop"/>).</summary>
    public double TopGeV => BinLowGeV(_bins);

    /// <summary>Energy bins per species and phase.</summary>
    public int BinCount => _bins;

    /// <summary>Number of stored showers.</summary>
    public int EntryCount => _entryTotal.Length;

    /// <summary>Number of stored spots (all entries).</summary>
    public long SpotCount => _spots.Length;

    /// <summary>Approximate memory held by the spot and entry arrays, bytes.</summary>
    public long Bytes => _spots.LongLength * (Unsafe.SizeOf<LibrarySpot>() + sizeof(short)) + _entryTotal.LongLength * 28 + _extras.Bytes;

    /// <summary>Wall-clock time of the build, or of the load for a library read from the disk cache.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Lower edge of energy bin <paramref name="bin"/>, GeV.</summary>
    public double BinLowGeV(int bin) => Math.Exp(_lnMin + bin / _invDln);

    /// <summary>Whether a particle of this species, kinetic energy (GeV) and slab is replaced by a library shower.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Applies(ShowerSpecies type, double kineticGeV, int slab) =>
        kineticGeV < Options.SwitchGeV && kineticGeV >= MinGeV && slab >= _first && slab <= _last
        && type is ShowerSpecies.Electron or ShowerSpecies.Positron or ShowerSpecies.Gamma;

    /// <summary>The layers of the library medium: <paramref name="periods"/> copies of the periodic region's period. Volumes
    /// are kept: a period joined to the next in the geometry (a block of readout bins) is joined in the medium, whose first
    /// layer starts a volume.</summary>
    internal static List<SlabLayer> MediumLayers(SlabStack g, PeriodicRegion region, int periods)
    {
        int p = region.Period;
        bool periodsJoined = region.FirstSlab + p < g.SlabCount && g.Layers[region.FirstSlab + p].SameVolumeAsPrevious;
        var layers = new List<SlabLayer>(periods * p);
        for (int i = 0; i < periods; i++)
            for (int k = 0; k < p; k++)
            {
                SlabLayer l = g.Layers[region.FirstSlab + k];
                bool joined = i + k > 0 && (k == 0 ? periodsJoined : l.SameVolumeAsPrevious);
                layers.Add(l with { SameVolumeAsPrevious = joined });
            }
        return layers;
    }

    /// <summary>
    /// Builds the library for <paramref name="physics"/>: for e⁻, e⁺, γ, each start phase of the periodic region and
    /// each energy bin (from the lower end to half a bin above <see cref="SwitchGeV"/>: <see cref="LnTop"/>),
    /// <see cref="FastShowerOptions.EntriesPerBin"/> analog showers, stratified in ln E within the bin, started at a uniform depth in the
    /// start slab, along +z, in a copy of the periodic layers (same materials, cuts and physics options) that extends
    /// <see cref="FastShowerOptions.BackwardDepthX0"/> behind and <see cref="FastShowerOptions.ForwardDepthX0"/> ahead.
    /// Shower j uses stream (Seed, Shower, j) and results are stored in j order, so the library is identical for any
    /// <paramref name="threads"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The geometry has no periodic region.</exception>
    public static ShowerLibrary Build(ShowerPhysics physics, FastShowerOptions options, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(physics);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EntriesPerBin, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BinsPerDecade, 1);
        if (!(options.LateralBinCm > 0 && options.HaloBinCm > 0 && options.CoreHalfWidthCm >= 0))
            throw new ArgumentOutOfRangeException(nameof(options), "LateralBinCm and HaloBinCm must be > 0 cm, CoreHalfWidthCm ≥ 0 cm");
        long t0 = Stopwatch.GetTimestamp();
        SlabStack g = physics.Geometry;
        PeriodicRegion region = PeriodicRegion.Detect(g, options.RegionContainingSlab)
            ?? throw new NotSupportedException($"shower library: geometry '{g.Name}' has no periodic run of ≥ {PeriodicRegion.MinimumPeriods} periods; fast mode needs one");
        int p = region.Period;
        double minGeV = options.MinGeV ?? Enumerable.Range(region.FirstSlab, p).Max(s => physics.Materials[g.SlabMaterial[s]].ElectronCutGeV);
        minGeV = Math.Max(minGeV, physics.Options.TrackingCutGeV);
        if (!(options.SwitchGeV > minGeV)) throw new ArgumentOutOfRangeException(nameof(options), options.SwitchGeV, $"SwitchGeV must exceed the library's lower end {minGeV:G4} GeV");
        int bins = Math.Max(1, (int)Math.Ceiling(Math.Log10(options.SwitchGeV / minGeV) * options.BinsPerDecade - 1e-9));

        // The library medium: the periodic layers repeated, with the original materials, cut overrides and options.
        double periodX0 = g.DepthEdgesX0[region.FirstSlab + p] - g.DepthEdgesX0[region.FirstSlab];
        int back = (int)Math.Ceiling(options.BackwardDepthX0 / periodX0), fwd = (int)Math.Ceiling(options.ForwardDepthX0 / periodX0);
        List<SlabLayer> layers = MediumLayers(g, region, back + fwd);
        SlabStack medium = SlabStack.Build(g.Name + "-library", "periodic medium of the shower library", layers, TransverseShape.Box,
            options.LateralHalfWidthCm, new CellGrid(1, 1, 2 * options.LateralHalfWidthCm), options.LateralHalfWidthCm, 1, g.ElectronCutOverridesGeV);
        var mediumPhysics = new ShowerPhysics(medium, physics.Options);

        int perBin = options.EntriesPerBin;
        int jobs = Species * p * bins * perBin;
        var results = new Entry[jobs];
        double dln = (LnTop(options.SwitchGeV, minGeV, bins) - Math.Log(minGeV)) / bins;
        double lnMin = Math.Log(minGeV);
        const int Chunk = 16;
        int nChunks = (jobs + Chunk - 1) / Chunk;
        EventFailure.Unwrapped(() => Parallel.For(0, nChunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (Transport: new ShowerTransport(mediumPhysics), Spots: new SpotAccumulator(options.LateralBinCm, options.CoreHalfWidthCm, options.HaloBinCm),
                   Segments: new TrackSegmentAccumulator(p), Invisible: new double[mediumPhysics.Processes.Length]),
            (c, _, w) =>
            {
                for (int j = c * Chunk; j < Math.Min(jobs, (c + 1) * Chunk); j++)
                {
                    try
                    {
                        int k = j % perBin, bin = j / perBin % bins, phase = j / (perBin * bins) % p, sp = j / (perBin * bins * p);
                        var type = sp switch { 0 => ShowerSpecies.Electron, 1 => ShowerSpecies.Positron, _ => ShowerSpecies.Gamma };
                        EventRng rng = RngStreams.For(options.Seed, StreamKind.Shower, (ulong)j);
                        // Stratified in ln E: entry k of a bin lies in the k-th of perBin equal slices of the bin, so the entries
                        // of a (species, phase) row are ordered in energy and evenly spread (see PickEntry).
                        double e = Math.Exp(lnMin + (bin + (k + rng.NextDouble()) / perBin) * dln);
                        int slab = back * p + phase;
                        double zlo = medium.ZEdgesCm[slab], zhi = medium.ZEdgesCm[slab + 1];
                        double z = zlo + (zhi - zlo) * (1e-6 + (1 - 2e-6) * rng.NextDouble());
                        w.Spots.Clear();
                        w.Spots.StartSlab = slab;
                        w.Segments.Clear();
                        Array.Clear(w.Invisible);
                        var rec = new LibraryRecorder(w.Spots, w.Segments, w.Invisible, p);
                        EventLedger l = w.Transport.RunFrom(type, e, 0.0, 0.0, z, slab, ref rng, ref rec);
                        results[j] = Entry.From(w.Spots, medium, slab, p, l.LeakedGeV, w.Segments, w.Invisible);
                    }
                    catch (Exception ex) when (EventFailure.NeedsContext(ex))
                    {
                        throw EventFailure.InEvent(ex, "shower library build", options.Seed, j);
                    }
                }
                return w;
            },
            _ => { }));

        long spots = results.Sum(r => (long)r.DSlab.Length);
        if (spots > int.MaxValue) throw new NotSupportedException("shower library: more than 2^31 spots; lower EntriesPerBin or SwitchGeV");
        var start = new int[jobs + 1];
        var total = new double[jobs];
        var escaped = new double[jobs];
        var dSlab = new short[spots];
        var packed = new LibrarySpot[spots];
        int o = 0;
        for (int j = 0; j < jobs; j++)
        {
            Entry r = results[j];
            start[j] = o;
            r.DSlab.CopyTo(dSlab, o);
            for (int i = 0; i < r.DSlab.Length; i++) packed[o + i] = new LibrarySpot(r.Dx[i], r.Dy[i], r.Dz[i], r.E[i], r.V[i], r.Phase[i]);
            o += r.DSlab.Length;
            total[j] = r.Total;
            escaped[j] = r.Escaped;
        }
        start[jobs] = o;
        return new ShowerLibrary(physics, options, region, minGeV, bins, start, total, escaped, dSlab, packed,
            LibraryExtras.Pack(results.Select(r => r.Extras).ToArray()), Stopwatch.GetElapsedTime(t0));
    }

    /// <summary>
    /// Deposits a library shower for a particle at (x, y) in <paramref name="slab"/> moving along (ux, uy, uz); the caller
    /// has checked <see cref="Applies"/>. Returns the energy deposited, the energy leaving the stack and the energy removed
    /// invisibly (GeV; reported to the observer per process at the particle's slab), and the number of spots placed; the
    /// three energies sum to the particle's budget
    /// (kinetic, + 2 mₑ for e⁺). The entry's track-length segments are replayed as steps (not primary, in the slab of
    /// their phase in the particle's period, lengths scaled like the energy), so track-length tallies include the
    /// substituted shower.
    /// </summary>
    internal (double Deposited, double Escaped, double Invisible, int Spots) Substitute<TObserver>(ShowerSpecies type, double kineticGeV, double x, double y, int slab,
        double ux, double uy, double uz, ref EventRng rng, ref TObserver obs)
        where TObserver : struct, IShowerObserver
    {
        int ph = (slab - _first) % _period;
        int entry = PickEntry(type, ph, kineticGeV, ref rng);
        double scale = ShowerSpeciesInfo.BudgetGeV(type, kineticGeV) / _entryTotal[entry];
        (double sinPhi, double cosPhi) = Math.SinCos(2.0 * Math.PI * rng.NextDouble());

        // M = R(u) · Rz(φ): library frame (shower along +z) → global frame (CLHEP rotateUz, random azimuth).
        double m00, m01, m02, m10, m11, m12, m20, m21, m22;
        double perp2 = ux * ux + uy * uy;
        if (perp2 > 1e-20)
        {
            double perp = Math.Sqrt(perp2);
            double a00 = ux * uz / perp, a01 = -uy / perp, a10 = uy * uz / perp, a11 = ux / perp, a20 = -perp;
            m00 = a00 * cosPhi + a01 * sinPhi; m01 = -a00 * sinPhi + a01 * cosPhi; m02 = ux;
            m10 = a10 * cosPhi + a11 * sinPhi; m11 = -a10 * sinPhi + a11 * cosPhi; m12 = uy;
            m20 = a20 * cosPhi; m21 = -a20 * sinPhi; m22 = uz;
        }
        else
        {
            double s = uz >= 0 ? 1.0 : -1.0;
            m00 = s * cosPhi; m01 = -s * sinPhi; m02 = 0;
            m10 = sinPhi; m11 = cosPhi; m12 = 0;
            m20 = 0; m21 = 0; m22 = s;
        }
        double zc = 0.5 * (_zEdges[slab] + _zEdges[slab + 1]);
        double dep = 0.0, esc = _entryEscaped[entry] * scale;
        int first = _entryStart[entry], count = _entryStart[entry + 1] - first;
        foreach (ref readonly LibrarySpot spot in new ReadOnlySpan<LibrarySpot>(_spots, first, count))
        {
            double a = spot.Dx, b = spot.Dy, c = spot.Dz;
            double e = spot.EnergyGeV * scale;
            double px = x + m00 * a + m01 * b + m02 * c;
            double py = y + m10 * a + m11 * b + m12 * c;
            double pz = zc + m20 * a + m21 * b + m22 * c;
            int k = spot.Phase;
            int target = _first + (int)Math.Floor((pz - _zPhase[k]) * _invPeriodLength + 0.5) * _period + k;
            bool outside = _box ? Math.Abs(px) >= _halfWidth || Math.Abs(py) >= _halfWidth : px * px + py * py >= _halfWidth * _halfWidth;
            if ((uint)target >= (uint)_slabCount || outside) { esc += e; continue; }
            obs.OnDeposit(target, px, py, e, spot.VisibleGeV * scale);
            dep += e;
        }
        int periodStart = slab - ph;
        int segFirst = _extras.SegmentStart[entry];
        foreach (ref readonly LibrarySegment seg in new ReadOnlySpan<LibrarySegment>(_extras.Segments, segFirst, _extras.SegmentStart[entry + 1] - segFirst))
        {
            int target = periodStart + seg.Phase;
            int m = _slabMaterial[target];
            obs.OnStep(new StepPoint((ShowerSpecies)seg.Type, false, seg.KineticGeV, 0.0, seg.LengthCm * scale, target, m, _x0[m], seg.LogBin));
        }
        double inv = 0.0;
        for (int s = _extras.InvisibleStart[entry]; s < _extras.InvisibleStart[entry + 1]; s++)
        {
            double e = _extras.InvisibleGeV[s] * scale;
            obs.OnInvisible(_extras.InvisibleProcess[s], e, slab);
            inv += e;
        }
        return (dep, esc, inv, count);
    }

    /// <summary>
    /// ln of the library's upper end: the bins reach half a bin above E_switch, so that the pick window (one bin wide,
    /// centred on ln E) of every particle below E_switch lies inside the library. Without that margin the window of a
    /// particle just below E_switch is reflected into the top half-bin, whose entries are ≈ 10 % lower in energy and
    /// fluctuate relatively more (docs/physics/fast-mode.md#substitution). With L = ln(E_switch/E_min) and b bins of width
    /// (L + δ)/b, δ = half a bin gives δ = L/(2b − 1).
    /// </summary>
    private static double LnTop(double switchGeV, double minGeV, int bins)
    {
        double l = Math.Log(switchGeV / minGeV);
        return Math.Log(switchGeV) + l / (2 * bins - 1);
    }

    /// <summary>
    /// The entry a particle of <paramref name="type"/> and <paramref name="kineticGeV"/> starting in phase <paramref name="phase"/>
    /// gets: a uniform draw (one event-stream number) among the <see cref="FastShowerOptions.EntriesPerBin"/> entries of its
    /// (species, phase) row nearest in ln E, i.e. a window one bin wide centred on ln E. The entries of a row are stratified
    /// in ln E (entry k of bin b lies in slice k of b), so the window's mean ln E equals ln E (the shower depth, ∝ ln E, is
    /// unbiased) and its spread is that of a uniform distribution one bin wide, variance dln²/12 = 0.012 at 6 bins per decade
    /// instead of 0.037 for a random entry of one of the two nearest bins (the draw before 2026-12-03). The spread matters
    /// because an entry of energy E′ scaled to E keeps its own relative fluctuation ∝ 1/√E′, which widens σ/E by ≈ var/4
    /// (docs/physics/fast-mode.md#substitution). Where the window would cross an end of the library it is reflected
    /// into it, so no single entry collects the overflow; that happens only at the lower end (<see cref="LnTop"/>).
    /// </summary>
    internal int PickEntry(ShowerSpecies type, int phase, double kineticGeV, ref EventRng rng)
    {
        int sp = type == ShowerSpecies.Electron ? 0 : type == ShowerSpecies.Positron ? 1 : 2;
        int n = _bins * _perBin;
        // Position in entry units: entry i's ln E is uniform in [i, i + 1) slices, centre i + 0.5.
        double y = (Math.Log(kineticGeV) - _lnMin) * _invDln * _perBin - 0.5 + (rng.NextDouble() - 0.5) * _perBin;
        if (y < -0.5) y = -1.0 - y;
        else if (y >= n - 0.5) y = 2.0 * n - 1.0 - y;
        int i = Math.Clamp((int)Math.Floor(y + 0.5), 0, n - 1);
        return (sp * _period + phase) * n + i;
    }

    /// <summary>Spots of entry <paramref name="entry"/> (for tests and diagnostics): slab offset, phase of the target slab,
    /// lateral centroid and depth offset (cm), energy (GeV); plus the escaped energy and the total.</summary>
    internal (short[] DSlab, byte[] Phase, float[] Dx, float[] Dy, float[] Dz, float[] E, double Escaped, double Total) EntrySpots(int entry)
    {
        int a = _entryStart[entry], b = _entryStart[entry + 1];
        LibrarySpot[] s = _spots[a..b];
        return (_dSlab[a..b], [.. s.Select(p => p.Phase)], [.. s.Select(p => p.Dx)], [.. s.Select(p => p.Dy)], [.. s.Select(p => p.Dz)],
            [.. s.Select(p => p.EnergyGeV)], _entryEscaped[entry], _entryTotal[entry]);
    }

    /// <summary>Entry index of (species 0 e⁻ / 1 e⁺ / 2 γ, start phase, energy bin, k).</summary>
    internal int EntryIndex(int species, int phase, int bin, int k) => ((species * _period + phase) * _bins + bin) * _perBin + k;

    /// <summary>One built shower (build-time only).</summary>
    private sealed record Entry(short[] DSlab, byte[] Phase, float[] Dx, float[] Dy, float[] Dz, float[] E, float[] V, double Escaped, double Total,
        LibraryExtras.Entry Extras)
    {
        public static Entry From(SpotAccumulator acc, SlabStack medium, int startSlab, int period, double escaped,
            TrackSegmentAccumulator segments, double[] invisibleByProcess)
        {
            (int[] ds, double[] x, double[] y, double[] e, double[] v) = acc.Spots();
            int n = ds.Length;
            var dSlab = new short[n];
            var phase = new byte[n];
            var dx = new float[n];
            var dy = new float[n];
            var dz = new float[n];
            var ef = new float[n];
            var vf = new float[n];
            double zc0 = 0.5 * (medium.ZEdgesCm[startSlab] + medium.ZEdgesCm[startSlab + 1]);
            int phase0 = startSlab % period;
            double sum = escaped;
            for (int i = 0; i < n; i++)
            {
                int s = startSlab + ds[i];
                dSlab[i] = checked((short)ds[i]);
                phase[i] = (byte)(((phase0 + ds[i]) % period + period) % period);
                dx[i] = (float)x[i];
                dy[i] = (float)y[i];
                dz[i] = (float)(0.5 * (medium.ZEdgesCm[s] + medium.ZEdgesCm[s + 1]) - zc0);
                ef[i] = (float)e[i];
                vf[i] = (float)v[i];
                sum += ef[i];
            }
            LibraryExtras.Entry extras = LibraryExtras.Entry.From(segments, invisibleByProcess);
            foreach (double inv in extras.InvisibleGeV) sum += inv;
            // The total is the sum of what is stored (float spots + escaped + invisible), so scaling by budget / total
            // conserves energy exactly; it equals the start energy to float rounding (the transport's ledger balances to 1e-9).
            return new Entry(dSlab, phase, dx, dy, dz, ef, vf, escaped, sum, extras);
        }
    }
}
