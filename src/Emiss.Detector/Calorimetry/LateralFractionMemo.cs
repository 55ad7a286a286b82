namespace Emiss.Detector.Calorimetry;

/// <summary>
/// The last lateral cell fractions one worker computed (<see cref="ParametrisedShowerModel"/>): the showers of one event
/// often start at the same point with the same radii (a muon's radiative and knock-on showers region after region, the
/// products of one interaction), and the fractions cost two arc tangents per cell corner. Held by the worker's
/// <see cref="CalorimeterDeposits"/>, so the shared model stays immutable; a hit returns the very numbers a new
/// computation would (the key is every input, compared exactly).
/// </summary>
internal sealed class LateralFractionMemo
{
    private object? _owner;
    private double _x, _y, _rCore, _rTail, _pCore;
    private double[] _fractions = [];

    /// <summary>False: nothing is remembered, every shower computes its fractions (the reference the tests compare with).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Copies the fractions stored for exactly these inputs into <paramref name="fractions"/>; false if none are.</summary>
    public bool TryCopy(object owner, double x, double y, double rCore, double rTail, double pCore, Span<double> fractions)
    {
        if (!Enabled || !ReferenceEquals(owner, _owner) || x != _x || y != _y || rCore != _rCore || rTail != _rTail || pCore != _pCore
            || fractions.Length != _fractions.Length)
            return false;
        _fractions.CopyTo(fractions);
        return true;
    }

    /// <summary>Stores <paramref name="fractions"/> as the result for these inputs.</summary>
    public void Store(object owner, double x, double y, double rCore, double rTail, double pCore, ReadOnlySpan<double> fractions)
    {
        if (_fractions.Length != fractions.Length) _fractions = new double[fractions.Length];
        fractions.CopyTo(_fractions);
        (_owner, _x, _y, _rCore, _rTail, _pCore) = (owner, x, y, rCore, rTail, pCore);
    }
}
