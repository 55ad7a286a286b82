namespace Emiss.Core.Units;

/// <summary>An energy (or momentum, E = pc), stored in GeV. MeV appears only at I/O.</summary>
public readonly record struct Energy : IComparable<Energy>
{
    private Energy(double gev) => InGeV = gev;

    /// <summary>The value in GeV.</summary>
    public double InGeV { get; }

    /// <summary>The value in MeV (I/O only).</summary>
    public double InMeV => InGeV * 1e3;

    /// <summary>Creates an energy from GeV.</summary>
    public static Energy FromGeV(double value) => new(value);

    /// <summary>Creates an energy from MeV.</summary>
    public static Energy FromMeV(double value) => new(value * 1e-3);

    /// <inheritdoc />
    public int CompareTo(Energy other) => InGeV.CompareTo(other.InGeV);

    /// <summary>Orders energies.</summary>
    public static bool operator <(Energy a, Energy b) => a.InGeV < b.InGeV;

    /// <summary>Orders energies.</summary>
    public static bool operator >(Energy a, Energy b) => a.InGeV > b.InGeV;

    /// <summary>Orders energies.</summary>
    public static bool operator <=(Energy a, Energy b) => a.InGeV <= b.InGeV;

    /// <summary>Orders energies.</summary>
    public static bool operator >=(Energy a, Energy b) => a.InGeV >= b.InGeV;

    /// <inheritdoc />
    public override string ToString() => $"{InGeV:G6} GeV";
}
