namespace Emiss.Detector.Calorimetry;

/// <summary>
/// An energy-dependent shift of the GFlash shape parameter α: values at energy nodes, linear in ln E between them and held
/// at the end values beyond them (no extrapolation outside the energies it was fitted at). GFlash's homogeneous-media α
/// grows as 0.81 + (0.458 + 2.26/Z) ln y; in the NA64 Pb/Sc ECAL the shower engine's α follows it within ≈ 0.1 from 2 to
/// 50 GeV and rises above it at higher energy, which one constant shift cannot follow
/// (docs/physics/calorimeter-parametrised.md#energy-dependent-alpha).
/// </summary>
public sealed class AlphaShiftTable : IEquatable<AlphaShiftTable>
{
    private readonly double[] _lnE;
    private readonly double[] _shift;

    /// <summary>Creates the table; <paramref name="energiesGeV"/> strictly ascending and positive, one shift per energy.</summary>
    public AlphaShiftTable(IReadOnlyList<double> energiesGeV, IReadOnlyList<double> shifts)
    {
        ArgumentNullException.ThrowIfNull(energiesGeV);
        ArgumentNullException.ThrowIfNull(shifts);
        if (energiesGeV.Count == 0 || energiesGeV.Count != shifts.Count)
            throw new ArgumentException($"{energiesGeV.Count} energies and {shifts.Count} shifts: one shift per energy, at least one", nameof(shifts));
        for (int i = 0; i < energiesGeV.Count; i++)
        {
            if (!(energiesGeV[i] > 0) || !double.IsFinite(energiesGeV[i]) || (i > 0 && !(energiesGeV[i] > energiesGeV[i - 1])))
                throw new ArgumentException("energies must be finite, positive and strictly ascending", nameof(energiesGeV));
            if (!double.IsFinite(shifts[i])) throw new ArgumentException("shifts must be finite", nameof(shifts));
        }
        EnergiesGeV = [.. energiesGeV];
        _shift = [.. shifts];
        _lnE = [.. energiesGeV.Select(e => Math.Log(e))];
    }

    /// <summary>The node energies, GeV.</summary>
    public IReadOnlyList<double> EnergiesGeV { get; }

    /// <summary>The shift at each node.</summary>
    public IReadOnlyList<double> Shifts => _shift;

    /// <summary>The shift at <paramref name="energyGeV"/>: linear in ln E between the nodes, the end value beyond them.</summary>
    public double At(double energyGeV)
    {
        double x = Math.Log(energyGeV);
        int n = _lnE.Length;
        if (!(x > _lnE[0])) return _shift[0];   // also a NaN energy, which the caller's checks have excluded
        if (x >= _lnE[n - 1]) return _shift[n - 1];
        int hi = 1;
        while (_lnE[hi] < x) hi++;
        double f = (x - _lnE[hi - 1]) / (_lnE[hi] - _lnE[hi - 1]);
        return _shift[hi - 1] + f * (_shift[hi] - _shift[hi - 1]);
    }

    /// <inheritdoc />
    public bool Equals(AlphaShiftTable? other) =>
        other is not null && EnergiesGeV.SequenceEqual(other.EnergiesGeV) && Shifts.SequenceEqual(other.Shifts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AlphaShiftTable);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (double e in EnergiesGeV) h.Add(e);
        foreach (double s in Shifts) h.Add(s);
        return h.ToHashCode();
    }
}
