using System.Numerics;
using System.Runtime.InteropServices;

namespace Emiss.Signal.MonteCarloYield;

/// <summary>
/// Element-wise span kernels of the scan's hot loop, vectorised with <see cref="Vector{T}"/>. Each element gets the
/// same operations in the same order whatever the vector width, so results do not depend on the hardware's SIMD
/// width or on where a span starts.
/// </summary>
internal static class Fold
{
    /// <summary>y += a·x.</summary>
    public static void AddScaled(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        if (x.Length != y.Length) throw new ArgumentException("length mismatch");
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            Span<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var va = new Vector<double>(a);
            for (int k = 0; k < vy.Length; k++) vy[k] += va * vx[k];
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>y += (a·x + b·z).</summary>
    public static void AddTwoScaled(Span<double> y, double a, ReadOnlySpan<double> x, double b, ReadOnlySpan<double> z)
    {
        if (x.Length != y.Length || z.Length != y.Length) throw new ArgumentException("length mismatch");
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            Span<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            ReadOnlySpan<Vector<double>> vz = MemoryMarshal.Cast<double, Vector<double>>(z);
            var va = new Vector<double>(a);
            var vb = new Vector<double>(b);
            for (int k = 0; k < vy.Length; k++) vy[k] += va * vx[k] + vb * vz[k];
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] += a * x[i] + b * z[i];
    }

    /// <summary>y += x.</summary>
    public static void Add(Span<double> y, ReadOnlySpan<double> x)
    {
        if (x.Length != y.Length) throw new ArgumentException("length mismatch");
        int n = y.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            Span<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            for (int k = 0; k < vy.Length; k++) vy[k] += vx[k];
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < n; i++) y[i] += x[i];
    }
}
