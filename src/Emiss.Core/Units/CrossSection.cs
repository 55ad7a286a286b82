using Emiss.Core.Constants;

namespace Emiss.Core.Units;

/// <summary>A cross section, stored in cm². pb and GeV⁻² appear only at I/O or inside kernels.</summary>
public readonly record struct CrossSection
{
    private CrossSection(double cm2) => InCm2 = cm2;

    /// <summary>The value in cm².</summary>
    public double InCm2 { get; }

    /// <summary>The value in pb (1 pb = 1e-36 cm²; I/O only).</summary>
    public double InPb => InCm2 * 1e36;

    /// <summary>The value in natural units, GeV⁻² (1 GeV⁻² = 0.3893794 mb).</summary>
    public double InGeVm2 => InCm2 / PhysicalConstants.HbarCSquaredGeV2Cm2;

    /// <summary>Creates a cross section from cm².</summary>
    public static CrossSection FromCm2(double value) => new(value);

    /// <summary>Creates a cross section from pb.</summary>
    public static CrossSection FromPb(double value) => new(value * 1e-36);

    /// <summary>Creates a cross section from a natural-unit value in GeV⁻², multiplying by (ħc)² once.</summary>
    public static CrossSection FromGeVm2(double value) => new(value * PhysicalConstants.HbarCSquaredGeV2Cm2);

    /// <summary>Scales a cross section (e.g. by ε²).</summary>
    public static CrossSection operator *(CrossSection s, double factor) => new(s.InCm2 * factor);

    /// <summary>Scales a cross section.</summary>
    public static CrossSection Multiply(CrossSection s, double factor) => s * factor;

    /// <inheritdoc />
    public override string ToString() => $"{InPb:G6} pb";
}
