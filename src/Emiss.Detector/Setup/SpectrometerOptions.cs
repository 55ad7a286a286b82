using System.Text.Json.Serialization;

namespace Emiss.Detector.Setup;

/// <summary>
/// The upstream beam line (seed, Fig. 1): S1–S3, Micromegas T1/T2, two dipoles (≈7 T·m), GEM T3/T4 and
/// the 15 m vacuum vessel. Coordinates: z along the beam in cm with the ECAL front face at z = 0; x is the
/// bending plane. Positions are [assumed] (the seed gives only the ordering and the 15 m vessel).
/// </summary>
public sealed record SpectrometerOptions
{
    /// <summary>Beam-defining counters.</summary>
    public IReadOnlyList<CounterOptions> Counters { get; init; } =
    [
        new() { Name = "S1", ZCm = -3000 },
        new() { Name = "S2", ZCm = -2850 },
        new() { Name = "S3", ZCm = -150 },
    ];

    /// <summary>Tracking stations; the first two must be upstream and the last two downstream of the dipoles.</summary>
    public IReadOnlyList<TrackerPlaneOptions> Trackers { get; init; } =
    [
        new() { Name = "T1", ZCm = -2950 },
        new() { Name = "T2", ZCm = -2780 },
        new() { Name = "T3", ZCm = -2100 },
        new() { Name = "T4", ZCm = -1950 },
    ];

    /// <summary>Dipoles (hard-edge uniform fields).</summary>
    public IReadOnlyList<DipoleOptions> Dipoles { get; init; } =
    [
        new() { Name = "MBPL1", ZStartCm = -2700, LengthCm = 200, FieldT = 1.75 },
        new() { Name = "MBPL2", ZStartCm = -2450, LengthCm = 200, FieldT = 1.75 },
    ];

    /// <summary>Total field integral, T·m.</summary>
    [JsonIgnore]
    public double FieldIntegralTm => Dipoles.Sum(d => d.FieldIntegralTm);

    internal void Validate(string path, List<string> errors)
    {
        for (int i = 0; i < Counters.Count; i++) Counters[i].Validate($"{path}.counters[{i}]", errors);
        for (int i = 0; i < Trackers.Count; i++) Trackers[i].Validate($"{path}.trackers[{i}]", errors);
        for (int i = 0; i < Dipoles.Count; i++) Dipoles[i].Validate($"{path}.dipoles[{i}]", errors);
        if (Trackers.Count != 4)
        {
            errors.Add($"setup card error at {path}.trackers: {Trackers.Count} stations given; the momentum fit needs exactly 4 (two before, two after the dipoles)");
            return;
        }
        if (Dipoles.Count == 0)
        {
            errors.Add($"setup card error at {path}.dipoles: no dipole; give at least one");
            return;
        }
        double zFirst = Dipoles.Min(d => d.ZStartCm), zLast = Dipoles.Max(d => d.ZStartCm + d.LengthCm);
        if (!(Trackers[0].ZCm < Trackers[1].ZCm && Trackers[1].ZCm < zFirst && zLast < Trackers[2].ZCm && Trackers[2].ZCm < Trackers[3].ZCm && Trackers[3].ZCm < 0))
            errors.Add($"setup card error at {path}.trackers: stations must be ordered T1 < T2 < first dipole edge ({zFirst} cm) and last dipole edge ({zLast} cm) < T3 < T4 < 0 (ECAL face)");
    }
}
