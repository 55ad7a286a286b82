namespace Emiss.Detector.Setup;

/// <summary>A beam-defining scintillator counter (S1–S3, seed). Thickness and efficiency are [assumed].</summary>
public sealed record CounterOptions
{
    /// <summary>Name, e.g. "S1".</summary>
    public string Name { get; init; } = "S";

    /// <summary>Position along the beam, cm.</summary>
    public double ZCm { get; init; }

    /// <summary>Scintillator thickness, cm (material for multiple scattering and bremsstrahlung: X0(Sc) = 41.31 cm).</summary>
    public double ThicknessCm { get; init; } = 0.5;

    /// <summary>Probability that a charged particle fires the counter.</summary>
    public double Efficiency { get; init; } = 0.999;

    /// <summary>Half-width of the active area, cm (square counter).</summary>
    public double HalfWidthCm { get; init; } = 1.5;

    /// <summary>Whether a track crossing the counter's plane at (<paramref name="xFromBeamCm"/>, <paramref name="yCm"/>),
    /// relative to the nominal beam on which the counter is centred, passes through its active square.</summary>
    public bool Covers(double xFromBeamCm, double yCm) => Math.Abs(xFromBeamCm) < HalfWidthCm && Math.Abs(yCm) < HalfWidthCm;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.InRange(ThicknessCm, 0, 10, path + ".thicknessCm", errors);
        SetupChecks.InRange(Efficiency, 0, 1, path + ".efficiency", errors);
        SetupChecks.Positive(HalfWidthCm, path + ".halfWidthCm", errors);
    }
}
