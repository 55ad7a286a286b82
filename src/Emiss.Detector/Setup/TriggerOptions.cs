namespace Emiss.Detector.Setup;

/// <summary>Hardware trigger: S1·S2·S3 coincidence and an in-time ECAL cluster with E_ECAL ≲ 80 GeV (seed).
/// Lower threshold, analog-sum resolution and timing window are [assumed].</summary>
public sealed record TriggerOptions
{
    /// <summary>Upper threshold on the in-time ECAL sum, GeV (seed: ≲ 80).</summary>
    public double EcalMaxGeV { get; init; } = 80.0;

    /// <summary>Lower threshold defining an ECAL cluster, GeV.</summary>
    public double EcalMinGeV { get; init; } = 1.0;

    /// <summary>Relative resolution of the analog trigger sum (smears the thresholds).</summary>
    public double SumResolutionRel { get; init; } = 0.03;

    /// <summary>Half-width of the in-time window around the beam-counter time, ns.</summary>
    public double InTimeWindowNs { get; init; } = 10.0;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.Positive(EcalMaxGeV, path + ".ecalMaxGeV", errors);
        SetupChecks.InRange(EcalMinGeV, 0, EcalMaxGeV, path + ".ecalMinGeV", errors);
        SetupChecks.InRange(SumResolutionRel, 0, 1, path + ".sumResolutionRel", errors);
        SetupChecks.Positive(InTimeWindowNs, path + ".inTimeWindowNs", errors);
    }
}
