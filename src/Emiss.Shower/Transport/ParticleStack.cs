namespace Emiss.Shower.Transport;

/// <summary>LIFO particle stack as a struct of arrays, allocated once per worker and reused for every event
/// (it only grows, so a warmed-up transport allocates nothing).</summary>
internal sealed class ParticleStack
{
    private int _count;
    internal ShowerSpecies[] Type = new ShowerSpecies[1024];
    internal double[] T = new double[1024];
    internal double[] X = new double[1024], Y = new double[1024], Z = new double[1024];
    internal double[] Ux = new double[1024], Uy = new double[1024], Uz = new double[1024];
    internal int[] Slab = new int[1024];
    internal bool[] Primary = new bool[1024];

    public int Count => _count;

    public void Clear() => _count = 0;

    public void Push(ShowerSpecies type, double t, double x, double y, double z, double ux, double uy, double uz, int slab, bool primary)
    {
        if (_count == T.Length) Grow();
        int i = _count++;
        Type[i] = type; T[i] = t; X[i] = x; Y[i] = y; Z[i] = z; Ux[i] = ux; Uy[i] = uy; Uz[i] = uz; Slab[i] = slab; Primary[i] = primary;
    }

    /// <summary>Removes the top particle and returns its index (valid until the next push).</summary>
    public int Pop() => --_count;

    private void Grow()
    {
        int n = T.Length * 2;
        Array.Resize(ref Type, n); Array.Resize(ref T, n); Array.Resize(ref X, n); Array.Resize(ref Y, n); Array.Resize(ref Z, n);
        Array.Resize(ref Ux, n); Array.Resize(ref Uy, n); Array.Resize(ref Uz, n); Array.Resize(ref Slab, n); Array.Resize(ref Primary, n);
    }
}
