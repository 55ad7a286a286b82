using Emiss.Core.Units;

namespace Emiss.Analysis.Efficiency;

/// <summary>
/// Efficiency given at mass nodes, interpolated linearly in ln m and held constant beyond the end
/// nodes. The NA64-2016 card uses 0.69 at 1 MeV falling to 0.55 at 1 GeV (seed: "0.69 ± 0.09 falling
/// to 0.55 ± 0.07 with increasing mass"); the seed gives no shape, so log-mass linear is a convention.
/// </summary>
public sealed class LogMassInterpolatedEfficiency : ISignalEfficiency
{
    private readonly double[] _massMeV;
    private readonly double[] _efficiency;

    /// <summary>Creates the curve; masses in MeV strictly increasing, efficiencies in (0, 1].</summary>
    public LogMassInterpolatedEfficiency(IReadOnlyList<double> massMeV, IReadOnlyList<double> efficiency, string source)
    {
        ArgumentNullException.ThrowIfNull(massMeV);
        ArgumentNullException.ThrowIfNull(efficiency);
        if (massMeV.Count == 0 || massMeV.Count != efficiency.Count)
            throw new ArgumentException("efficiency: mass and efficiency lists must be non-empty and of equal length");
        for (int i = 0; i < massMeV.Count; i++)
        {
            if (!(massMeV[i] > 0) || (i > 0 && massMeV[i] <= massMeV[i - 1]))
                throw new ArgumentException("efficiency.massMeV: masses must be positive and strictly increasing");
            if (!(efficiency[i] is > 0 and <= 1))
                throw new ArgumentException($"efficiency.signal[{i}]: {efficiency[i]} is outside (0, 1]");
        }
        _massMeV = [.. massMeV];
        _efficiency = [.. efficiency];
        Source = source;
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public double At(Mass mass)
    {
        double m = mass.InMeV;
        if (m <= _massMeV[0]) return _efficiency[0];
        if (m >= _massMeV[^1]) return _efficiency[^1];
        int i = Array.BinarySearch(_massMeV, m);
        if (i >= 0) return _efficiency[i];
        int hi = ~i, lo = hi - 1;
        double f = Math.Log(m / _massMeV[lo]) / Math.Log(_massMeV[hi] / _massMeV[lo]);
        return _efficiency[lo] + f * (_efficiency[hi] - _efficiency[lo]);
    }
}
