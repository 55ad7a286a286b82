namespace Emiss.Core.Units;

/// <summary>A particle mass, stored in GeV (c = 1). MeV appears only at I/O.</summary>
public readonly record struct Mass : IComparable<Mass>
{
    private Mass(double gev) => InGeV = gev;

    /// <summary>The value in GeV.</summary>
    public double InGeV { get; }

    /// <summary>The value in MeV (I/O only).</summary>
    public double InMeV => InGeV * 1e3;

    /// <summary>Creates a mass from GeV.</summary>
    public static Mass FromGeV(double value) => new(value);

    /// <summary>Creates a mass from MeV.</summary>
    public static Mass FromMeV(double value) => new(value * 1e-3);

    /// <inheritdoc />
    public int CompareTo(Mass other) => InGeV.CompareTo(other.InGeV);

    /// <summary>Orders masses.</summary>
    public static bool operator <(Mass a, Mass b) => a.InGeV < b.InGeV;

    /// <summary>Orders masses.</summary>
    public static bool operator >(Mass a, Mass b) => a.InGeV > b.InGeV;

    /// <summary>Orders masses.</summary>
    public static bool operator <=(Mass a, Mass b) => a.InGeV <= b.InGeV;

    /// <summary>Orders masses.</summary>
    public static bool operator >=(Mass a, Mass b) => a.InGeV >= b.InGeV;

    /// <inheritdoc />
    public override string ToString() => $"{InMeV:G6} MeV";
}
