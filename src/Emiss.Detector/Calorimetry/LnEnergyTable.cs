namespace Emiss.Detector.Calorimetry;

/// <summary>
/// A profile parameter given at energy nodes: linear in ln E between them and held at the end values beyond them (no
/// extrapolation outside the energies it was fitted at). The base of <see cref="AlphaShiftTable"/> and
/// <see cref="TailFractionTable"/>.
/// </summary>
public abstract class LnEnergyTable : IEquatable<LnEnergyTable>
{
    private readonly double[] _lnE;
    private readonly double[] _value;

    /// <summary>Creates the table; <paramref name="energiesGeV"/> strictly ascending and positive, one value per energy.</summary>
    protected LnEnergyTable(IReadOnlyList<double> energiesGeV, IReadOnlyList<double> values, string valuesName)
    {
        ArgumentNullException.ThrowIfNull(energiesGeV);
        ArgumentNullException.ThrowIfNull(values);
        if (energiesGeV.Count == 0 || energiesGeV.Count != values.Count)
            throw new ArgumentException($"{energiesGeV.Count} energies and {values.Count} {valuesName}: one per energy, at least one", valuesName);
        for (int i = 0; i < energiesGeV.Count; i++)
        {
            if (!(energiesGeV[i] > 0) || !double.IsFinite(energiesGeV[i]) || (i > 0 && !(energiesGeV[i] > energiesGeV[i - 1])))
                throw new ArgumentException("energies must be finite, positive and strictly ascending", nameof(energiesGeV));
            if (!double.IsFinite(values[i])) throw new ArgumentException($"{valuesName} must be finite", valuesName);
        }
        EnergiesGeV = [.. energiesGeV];
        _value = [.. values];
        _lnE = [.. energiesGeV.Select(e => Math.Log(e))];
    }

    /// <summary>The node energies, GeV.</summary>
    public IReadOnlyList<double> EnergiesGeV { get; }

    /// <summary>The value at each node.</summary>
    protected IReadOnlyList<double> Values => _value;

    /// <summary>The value at <paramref name="energyGeV"/>: linear in ln E between the nodes, the end value beyond them.</summary>
    public double At(double energyGeV)
    {
        double x = Math.Log(energyGeV);
        int n = _lnE.Length;
        if (!(x > _lnE[0])) return _value[0];   // also a NaN energy, which the caller's checks have excluded
        if (x >= _lnE[n - 1]) return _value[n - 1];
        int hi = 1;
        while (_lnE[hi] < x) hi++;
        double f = (x - _lnE[hi - 1]) / (_lnE[hi] - _lnE[hi - 1]);
        return _value[hi - 1] + f * (_value[hi] - _value[hi - 1]);
    }

    /// <inheritdoc />
    public bool Equals(LnEnergyTable? other) =>
        other is not null && other.GetType() == GetType() && EnergiesGeV.SequenceEqual(other.EnergiesGeV) && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LnEnergyTable);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(GetType());
        foreach (double e in EnergiesGeV) h.Add(e);
        foreach (double v in Values) h.Add(v);
        return h.ToHashCode();
    }
}
