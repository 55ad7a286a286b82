using System.Runtime.CompilerServices;

namespace Emiss.Shower.PhysicsList;

/// <summary>A uniform grid in ln E on which cross-section and stopping-power tables are stored; linear interpolation in ln E.</summary>
public sealed class EnergyGrid
{
    /// <summary>Creates a grid from <paramref name="minGeV"/> to <paramref name="maxGeV"/> with <paramref name="perDecade"/> points per decade.</summary>
    public EnergyGrid(double minGeV, double maxGeV, int perDecade)
    {
        if (!(minGeV > 0) || !(maxGeV > minGeV) || perDecade < 1) throw new ArgumentException("energy grid needs 0 < min < max and perDecade ≥ 1");
        int n = (int)Math.Ceiling(Math.Log10(maxGeV / minGeV) * perDecade) + 1;
        LnMin = Math.Log(minGeV);
        DeltaLn = Math.Log(10.0) / perDecade;
        InvDeltaLn = 1.0 / DeltaLn;
        EnergiesGeV = new double[n];
        for (int i = 0; i < n; i++) EnergiesGeV[i] = Math.Exp(LnMin + i * DeltaLn);
    }

    /// <summary>The standard grid: 10 keV to 10 TeV, 40 points per decade.</summary>
    public static EnergyGrid Standard { get; } = new(1e-5, 1e4, 40);

    /// <summary>Grid energies, GeV.</summary>
    public double[] EnergiesGeV { get; }

    /// <summary>Number of points.</summary>
    public int Count => EnergiesGeV.Length;

    /// <summary>ln of the first energy.</summary>
    public double LnMin { get; }

    /// <summary>Spacing in ln E.</summary>
    public double DeltaLn { get; }

    /// <summary>1 / spacing in ln E.</summary>
    public double InvDeltaLn { get; }

    /// <summary>Interpolates <paramref name="table"/> (values at the grid points) at ln E; clamps outside the grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Interpolate(ReadOnlySpan<double> table, double lnE)
    {
        double x = (lnE - LnMin) * InvDeltaLn;
        if (x <= 0) return table[0];
        int i = (int)x;
        if (i >= table.Length - 1) return table[^1];
        double a = table[i];
        return a + (table[i + 1] - a) * (x - i);
    }

    /// <summary>Where ln E falls on the grid, for interpolating several tables at the same energy with
    /// <see cref="Interpolate(ReadOnlySpan{double}, GridPoint)"/> (a charged step reads range, Σ and λ1 at one energy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GridPoint Locate(double lnE)
    {
        double x = (lnE - LnMin) * InvDeltaLn;
        if (x <= 0) return new GridPoint(0, 0.0, true);
        int i = (int)x;
        if (i >= Count - 1) return new GridPoint(Count - 1, 0.0, true);
        return new GridPoint(i, x - i, false);
    }

    /// <summary>Interpolates <paramref name="table"/> (<see cref="Count"/> values at the grid points) at <paramref name="at"/>:
    /// the same arithmetic as <see cref="Interpolate(ReadOnlySpan{double}, double)"/>, so the same result bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Interpolate(ReadOnlySpan<double> table, GridPoint at)
    {
        double a = table[at.Index];
        return at.Clamped ? a : a + (table[at.Index + 1] - a) * at.Fraction;
    }

    /// <summary>Tabulates <paramref name="f"/> on the grid.</summary>
    public double[] Tabulate(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var t = new double[Count];
        for (int i = 0; i < Count; i++) t[i] = f(EnergiesGeV[i]);
        return t;
    }
}

/// <summary>A position on an <see cref="EnergyGrid"/> (<see cref="EnergyGrid.Locate"/>).</summary>
/// <param name="Index">Lower grid point (the end point when clamped).</param>
/// <param name="Fraction">Position between grid points <paramref name="Index"/> and <paramref name="Index"/> + 1, in [0, 1).</param>
/// <param name="Clamped">The energy lies outside the grid: the table value at <paramref name="Index"/> applies.</param>
public readonly record struct GridPoint(int Index, double Fraction, bool Clamped);
