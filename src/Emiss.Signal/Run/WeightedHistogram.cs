namespace Emiss.Signal.Run;

/// <summary>A fixed-binning histogram with Σw and Σw² per bin (values outside the range are dropped).</summary>
public sealed class WeightedHistogram
{
    /// <summary>Creates <paramref name="bins"/> equal bins on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public WeightedHistogram(double low, double high, int bins)
    {
        if (!(high > low) || bins < 1) throw new ArgumentException("histogram needs low < high and ≥ 1 bin");
        Low = low;
        High = high;
        SumW = new double[bins];
        SumW2 = new double[bins];
    }

    /// <summary>Lower edge.</summary>
    public double Low { get; }

    /// <summary>Upper edge.</summary>
    public double High { get; }

    /// <summary>Number of bins.</summary>
    public int Bins => SumW.Length;

    /// <summary>Σw per bin.</summary>
    public double[] SumW { get; }

    /// <summary>Σw² per bin.</summary>
    public double[] SumW2 { get; }

    /// <summary>Bin width.</summary>
    public double Width => (High - Low) / Bins;

    /// <summary>Centre of bin <paramref name="i"/>.</summary>
    public double Center(int i) => Low + (i + 0.5) * Width;

    /// <summary>Adds <paramref name="weight"/> at <paramref name="value"/>.</summary>
    public void Fill(double value, double weight)
    {
        if (!(value >= Low && value < High)) return;
        int i = Math.Min((int)((value - Low) / Width), Bins - 1);
        SumW[i] += weight;
        SumW2[i] += weight * weight;
    }

    /// <summary>Adds another histogram with the same binning.</summary>
    public void Add(WeightedHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Bins != Bins || other.Low != Low || other.High != High) throw new ArgumentException("binning differs");
        for (int i = 0; i < Bins; i++) { SumW[i] += other.SumW[i]; SumW2[i] += other.SumW2[i]; }
    }
}
