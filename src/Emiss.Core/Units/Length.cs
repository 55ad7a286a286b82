namespace Emiss.Core.Units;

/// <summary>A length, stored in cm. mm appears only at I/O.</summary>
public readonly record struct Length
{
    private Length(double cm) => InCm = cm;

    /// <summary>The value in cm.</summary>
    public double InCm { get; }

    /// <summary>The value in mm (I/O only).</summary>
    public double InMm => InCm * 10.0;

    /// <summary>Creates a length from cm.</summary>
    public static Length FromCm(double value) => new(value);

    /// <summary>Creates a length from mm.</summary>
    public static Length FromMm(double value) => new(value * 0.1);

    /// <inheritdoc />
    public override string ToString() => $"{InCm:G6} cm";
}
