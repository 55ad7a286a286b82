namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// The 1/e width θ_1/e of the central part of an angular distribution, the quantity of Hanson et al. (Phys. Rev. 84,
/// 634 (1951)): the angle at which the intensity per solid angle falls to 1/e of its forward value. For small angles
/// dΩ ∝ d(θ²), so a histogram in θ² is the intensity per solid angle; ln of it is fitted with a line
/// a − θ²/θ_1/e² over [0, θ_1/e²], iterated from the Gaussian guess median(θ²)/ln 2.
/// </summary>
internal static class AngularWidth
{
    public static double OneOverERad(IReadOnlyList<double> thetaRad)
    {
        double[] t2 = [.. thetaRad.Select(t => t * t).Order()];
        double w2 = t2[t2.Length / 2] / Math.Log(2.0);
        for (int iter = 0; iter < 6; iter++)
        {
            const int Bins = 12;
            double width = w2 / Bins;
            var counts = new double[Bins];
            foreach (double v in t2)
            {
                int b = (int)(v / width);
                if (b < Bins) counts[b]++;
            }
            // Weighted least squares of ln n on the bin centres, weights n (Poisson).
            double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int b = 0; b < Bins; b++)
            {
                if (counts[b] <= 0) continue;
                double x = (b + 0.5) * width, y = Math.Log(counts[b]), w = counts[b];
                sw += w; sx += w * x; sy += w * y; sxx += w * x * x; sxy += w * x * y;
            }
            double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
            w2 = -1.0 / slope;
        }
        return Math.Sqrt(w2);
    }

    /// <summary>Mean and standard error of <paramref name="estimate"/> over <paramref name="batches"/> disjoint batches
    /// (batch means: no assumption on the distribution of the estimator).</summary>
    public static (double Mean, double Error) Batched<T>(IReadOnlyList<T> items, int batches, Func<IReadOnlyList<T>, double> estimate)
    {
        var values = new double[batches];
        int n = items.Count / batches;
        for (int b = 0; b < batches; b++) values[b] = estimate([.. items.Skip(b * n).Take(n)]);
        double mean = values.Average();
        double var = values.Sum(v => (v - mean) * (v - mean)) / (batches - 1);
        return (estimate(items), Math.Sqrt(var / batches));
    }
}
