namespace Emiss.Core.Random;

/// <summary>
/// Tables of the ziggurat method for the standard normal (G. Marsaglia, W. W. Tsang, J. Stat. Softw. 5(8) (2000), with
/// 256 layers, R = 3.6541528853610088 and layer area V = 4.92867323399e-3). The half-density f(x) = exp(−x²/2) is covered
/// by 255 rectangles of equal area V stacked from y = f(R) up to y = 1, plus a base strip of the same area made of the
/// rectangle [0, R] × [0, f(R)] and the tail beyond R. A draw picks a layer i uniformly and a point z uniform in
/// [0, x_i); it is accepted at once when z &lt; x_{i+1} (the part of the layer under the curve for sure), which happens
/// 98.8 % of the time. The index and the value come from disjoint bits of one 64-bit draw, so they are independent
/// (J. A. Doornik, "An improved ziggurat method", 2005, on the correlation of the original's shared bits).
/// Why: Box–Muller costs a logarithm, a square root and a cosine per variate; a charged shower step draws several
/// normals (step-limit smearing, lateral displacement, fluctuation Gaussians).
/// </summary>
internal static class ZigguratNormal
{
    /// <summary>Number of layers (the low 8 bits of a draw select one).</summary>
    public const int Layers = 256;

    /// <summary>Start of the tail: f(R)·(R + tail area/f(R)) = V.</summary>
    public const double R = 3.6541528853610088;

    private const double V = 4.92867323399e-3;

    /// <summary>Right edges x_i, i = 0..256: x_0 = V/f(R) (the base strip's equivalent width), x_1 = R, …, x_256 = 0.</summary>
    public static readonly double[] X = BuildEdges();

    /// <summary>f(x_i) = exp(−x_i²/2), i = 0..256 (f_0 = f(R) for the base strip's rectangle part).</summary>
    public static readonly double[] F = BuildHeights(X);

    private static double[] BuildEdges()
    {
        var x = new double[Layers + 1];
        double fR = Math.Exp(-0.5 * R * R);
        x[0] = V / fR;
        x[1] = R;
        // Each layer has area V: x_i (f(x_{i+1}) − f(x_i)) = V.
        for (int i = 1; i < Layers - 1; i++)
            x[i + 1] = Math.Sqrt(-2.0 * Math.Log(V / x[i] + Math.Exp(-0.5 * x[i] * x[i])));
        x[Layers] = 0.0;
        return x;
    }

    private static double[] BuildHeights(double[] x)
    {
        var f = new double[x.Length];
        for (int i = 0; i < x.Length; i++) f[i] = Math.Exp(-0.5 * x[i] * x[i]);
        f[0] = Math.Exp(-0.5 * R * R);
        return f;
    }
}
