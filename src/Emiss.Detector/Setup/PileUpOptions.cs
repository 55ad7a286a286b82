namespace Emiss.Detector.Setup;

/// <summary>Pile-up of further beam particles within the detector gates. The rate follows from the beam
/// intensity and spill length (uniform spill [assumed]).</summary>
public sealed record PileUpOptions
{
    /// <summary>Simulate pile-up particles.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Multiplier on the spill-averaged rate (instantaneous/average, e.g. for spill micro-structure) [assumed 1].</summary>
    public double RateFactor { get; init; } = 1.0;

    internal void Validate(string path, List<string> errors) =>
        SetupChecks.InRange(RateFactor, 0, 100, path + ".rateFactor", errors);
}
