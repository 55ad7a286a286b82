using System.Globalization;

namespace Emiss.Analysis.Projections;

/// <summary>
/// The modelled choice of the background at a projected exposure (docs/physics/projections.md#background-scaling): b(EOT) = r · EOT,
/// r = 0 for <see cref="BackgroundModel.Zero"/>. Every output states it (<see cref="Describe"/>).
/// </summary>
/// <param name="Model">Zero, constant per EOT, or from the background Monte Carlo.</param>
/// <param name="PerEot">r, expected background events per EOT in the signal box.</param>
/// <param name="Source">Where r comes from.</param>
public sealed record BackgroundScaling(BackgroundModel Model, double PerEot, string Source)
{
    /// <summary>No background.</summary>
    public static BackgroundScaling Zero { get; } = new(BackgroundModel.Zero, 0.0, "assumed background-free");

    /// <summary>Expected background events at <paramref name="eot"/>.</summary>
    public double ExpectedAt(double eot)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eot);
        return Model == BackgroundModel.Zero ? 0.0 : PerEot * eot;
    }

    /// <summary>A few words for a figure caption, e.g. "b = 5.5E-11 × EOT (run card)".</summary>
    public string ShortLabel() => Model switch
    {
        BackgroundModel.Zero => "b = 0",
        BackgroundModel.ConstantPerEot => string.Create(CultureInfo.InvariantCulture, $"b = {PerEot:0.0E+0} × EOT (constant per EOT)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"b = {PerEot:0.0E+0} × EOT (background MC)"),
    };

    /// <summary>One sentence for every output.</summary>
    public string Describe() => Model switch
    {
        BackgroundModel.Zero => "background scaling: zero background at every exposure (N90 = ln 10, eps90 proportional to EOT^-1/2)",
        BackgroundModel.ConstantPerEot => string.Create(CultureInfo.InvariantCulture,
            $"background scaling: constant per EOT, b = {PerEot:G4} x EOT ({Source}); eps90 tends to EOT^-1/4 once b >> 1"),
        BackgroundModel.BackgroundMonteCarlo => string.Create(CultureInfo.InvariantCulture,
            $"background scaling: from the background Monte Carlo, b = {PerEot:G4} x EOT ({Source}); eps90 tends to EOT^-1/4 once b >> 1"),
        _ => throw new InvalidOperationException($"unknown background model {Model}"),
    };
}
