namespace Emiss.Detector.Setup;

/// <summary>
/// The H4 beam's non-Gaussian low-energy tail: electrons that lost energy upstream of S1 (in the beam-line
/// collimators and windows) but still pass the momentum-defining optics. The seed says such a tail exists
/// (≲ 60–80 GeV) without giving its size, so the fraction is [assumed] and varied in the systematics; energies are
/// drawn uniformly between <see cref="MinGeV"/> and <see cref="MaxGeV"/> [assumed shape].
/// </summary>
public sealed record LowEnergyTailOptions
{
    /// <summary>Tail electrons per beam electron [assumed: 10⁻³; the seed gives none].</summary>
    public double Fraction { get; init; } = 1e-3;

    /// <summary>Lowest tail energy, GeV [assumed].</summary>
    public double MinGeV { get; init; } = 20.0;

    /// <summary>Highest tail energy, GeV (seed: "≲ 60–80 GeV").</summary>
    public double MaxGeV { get; init; } = 80.0;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.InRange(Fraction, 0, 0.5, path + ".fraction", errors);
        SetupChecks.Positive(MinGeV, path + ".minGeV", errors);
        SetupChecks.Positive(MaxGeV, path + ".maxGeV", errors);
        if (MinGeV >= MaxGeV) errors.Add($"{path}.minGeV: {MinGeV} must be below maxGeV ({MaxGeV}); lower minGeV or raise maxGeV");
    }
}
