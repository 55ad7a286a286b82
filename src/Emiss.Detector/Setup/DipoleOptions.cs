using System.Text.Json.Serialization;

namespace Emiss.Detector.Setup;

/// <summary>One spectrometer dipole with a uniform field (hard-edge model). Seed: two dipoles, ∫B dl ≈ 7 T·m;
/// the split into B and L is [assumed] (docs/physics/synchrotron-radiation.md#formulas: B = 1.75 T over 4 m reproduces ΔE = 155 MeV).</summary>
public sealed record DipoleOptions
{
    /// <summary>Name, e.g. "MBPL1".</summary>
    public string Name { get; init; } = "MBPL";

    /// <summary>Upstream field edge, cm (ECAL front face is z = 0).</summary>
    public double ZStartCm { get; init; }

    /// <summary>Field length, cm.</summary>
    public double LengthCm { get; init; } = 200.0;

    /// <summary>Field, T (bends negative particles towards +x).</summary>
    public double FieldT { get; init; } = 1.75;

    /// <summary>Field integral, T·m.</summary>
    [JsonIgnore]
    public double FieldIntegralTm => FieldT * LengthCm * 0.01;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.Positive(LengthCm, path + ".lengthCm", errors);
        SetupChecks.InRange(FieldT, 0, 10, path + ".fieldT", errors);
    }
}
