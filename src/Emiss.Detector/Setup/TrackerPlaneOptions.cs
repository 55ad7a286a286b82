namespace Emiss.Detector.Setup;

/// <summary>One tracking station (Micromegas T1, T2 upstream; GEM T3, T4 downstream; seed). Resolution,
/// efficiency and material are [assumed]; the default resolution is the value that gives δp/p ≈ 1 % (seed)
/// with the default lever arms.</summary>
public sealed record TrackerPlaneOptions
{
    /// <summary>Name, e.g. "T1".</summary>
    public string Name { get; init; } = "T";

    /// <summary>Position along the beam, cm.</summary>
    public double ZCm { get; init; }

    /// <summary>Hit resolution per coordinate (x and y), mm.</summary>
    public double ResolutionMm { get; init; } = 0.15;

    /// <summary>Probability that the station records a hit.</summary>
    public double Efficiency { get; init; } = 0.98;

    /// <summary>Material budget x/X0 (multiple scattering, bremsstrahlung).</summary>
    public double RadiationLengthFraction { get; init; } = 3e-3;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.InRange(ResolutionMm, 0, 10, path + ".resolutionMm", errors);
        SetupChecks.InRange(Efficiency, 0, 1, path + ".efficiency", errors);
        SetupChecks.InRange(RadiationLengthFraction, 0, 0.2, path + ".radiationLengthFraction", errors);
    }
}
