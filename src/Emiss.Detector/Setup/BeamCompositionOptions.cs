using System.Text.Json.Serialization;

namespace Emiss.Detector.Setup;

/// <summary>
/// Beam admixture as fractions of all beam particles; electrons are the remainder. Seed: π/e ≲ 10⁻²
/// (default uses the bound). Kaon and muon fractions are [assumed] (K/π ≈ 7.5 % for negative H4
/// secondaries; muons from π/K decays upstream).
/// </summary>
public sealed record BeamCompositionOptions
{
    /// <summary>π⁻ fraction (seed: ≲ 10⁻²).</summary>
    public double PionFraction { get; init; } = 1.0e-2;

    /// <summary>K⁻ fraction [assumed].</summary>
    public double KaonFraction { get; init; } = 7.5e-4;

    /// <summary>μ⁻ fraction [assumed].</summary>
    public double MuonFraction { get; init; } = 1.0e-3;

    /// <summary>e⁻ fraction: the remainder.</summary>
    [JsonIgnore]
    public double ElectronFraction => 1.0 - PionFraction - KaonFraction - MuonFraction;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.InRange(PionFraction, 0, 1, path + ".pionFraction", errors);
        SetupChecks.InRange(KaonFraction, 0, 1, path + ".kaonFraction", errors);
        SetupChecks.InRange(MuonFraction, 0, 1, path + ".muonFraction", errors);
        if (ElectronFraction < 0)
            errors.Add($"{path}: pionFraction + kaonFraction + muonFraction = {1 - ElectronFraction:G4} exceeds 1; lower them so electrons keep a non-negative share");
    }
}
