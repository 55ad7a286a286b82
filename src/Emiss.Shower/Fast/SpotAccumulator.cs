namespace Emiss.Shower.Fast;

/// <summary>
/// Aggregates the deposits of one library shower into spots: one per (slab offset, lateral bin), holding the summed
/// energy and the energy-weighted centroid. Bins are fine (<c>coreBinCm</c>) where |x|, |y| &lt; <c>coreHalfWidthCm</c> and
/// coarse (<c>haloBinCm</c>) outside, where deposits are sparse: the halo would otherwise hold most spots and little energy.
/// Reused across showers by one build worker.
/// </summary>
internal sealed class SpotAccumulator
{
    private const int LateralOffset = 1 << 20;
    private readonly Dictionary<long, int> _index = [];
    private readonly List<int> _slab = [];
    private readonly List<double> _e = [], _v = [], _ex = [], _ey = [];
    private readonly double _invBin, _invHalo, _core;

    public SpotAccumulator(double coreBinCm, double coreHalfWidthCm, double haloBinCm)
    {
        _invBin = 1.0 / coreBinCm;
        _invHalo = 1.0 / haloBinCm;
        _core = coreHalfWidthCm;
    }

    /// <summary>Slab of the shower's start (deposits are stored relative to it).</summary>
    public int StartSlab { get; set; }

    public int Count => _slab.Count;

    public void Clear()
    {
        _index.Clear(); _slab.Clear(); _e.Clear(); _v.Clear(); _ex.Clear(); _ey.Clear();
    }

    public void Add(int slab, double x, double y, double e, double visible)
    {
        bool core = Math.Abs(x) < _core && Math.Abs(y) < _core;
        double inv = core ? _invBin : _invHalo;
        int ix = (int)Math.Floor(x * inv) + LateralOffset, iy = (int)Math.Floor(y * inv) + LateralOffset;
        long key = ((long)slab << 43) | (core ? 0L : 1L << 42) | ((long)ix << 21) | (uint)iy;
        if (!_index.TryGetValue(key, out int k))
        {
            k = _slab.Count;
            _index.Add(key, k);
            _slab.Add(slab); _e.Add(0); _v.Add(0); _ex.Add(0); _ey.Add(0);
        }
        _e[k] += e; _v[k] += visible; _ex[k] += e * x; _ey[k] += e * y;
    }

    /// <summary>Spots in (slab, x bin, y bin) order: slab offset from <see cref="StartSlab"/>, centroid (cm), energy and
    /// visible energy (GeV).</summary>
    public (int[] DSlab, double[] X, double[] Y, double[] E, double[] V) Spots()
    {
        long[] keys = [.. _index.Keys];
        Array.Sort(keys);
        int n = keys.Length;
        var ds = new int[n];
        var x = new double[n];
        var y = new double[n];
        var e = new double[n];
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            int k = _index[keys[i]];
            double w = _e[k];
            ds[i] = _slab[k] - StartSlab;
            e[i] = w;
            v[i] = _v[k];
            x[i] = w > 0 ? _ex[k] / w : 0.0;
            y[i] = w > 0 ? _ey[k] / w : 0.0;
        }
        return (ds, x, y, e, v);
    }
}
