namespace Emiss.Detector.Setup;

/// <summary>A scintillator plane read as one channel: the V2 veto behind the ECAL, or a muon counter MU1–MU4
/// behind each HCAL module (seed). Numbers are [assumed].</summary>
public sealed record ScintillatorOptions
{
    /// <summary>Thickness, cm (polystyrene).</summary>
    public double ThicknessCm { get; init; } = 1.0;

    /// <summary>Photo-electrons per MeV deposited.</summary>
    public double PhotoElectronsPerMeV { get; init; } = 10.0;

    /// <summary>Electronics noise, MeV.</summary>
    public double NoiseMeV { get; init; } = 0.05;

    /// <summary>Hit threshold, MeV (a MIP deposits ≈ 2 MeV per cm).</summary>
    public double ThresholdMeV { get; init; } = 0.5;

    /// <summary>Time resolution, ns.</summary>
    public double TimeResolutionNs { get; init; } = 1.0;

    /// <summary>Integration gate (full width), ns.</summary>
    public double GateNs { get; init; } = 200.0;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.Positive(ThicknessCm, path + ".thicknessCm", errors);
        SetupChecks.Positive(PhotoElectronsPerMeV, path + ".photoElectronsPerMeV", errors);
        SetupChecks.InRange(NoiseMeV, 0, 100, path + ".noiseMeV", errors);
        SetupChecks.InRange(ThresholdMeV, 0, 1000, path + ".thresholdMeV", errors);
        SetupChecks.Timing(path, TimeResolutionNs, GateNs, errors);
    }
}
