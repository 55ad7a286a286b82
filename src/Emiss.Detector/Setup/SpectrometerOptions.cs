using System.Text.Json.Serialization;

namespace Emiss.Detector.Setup;

/// <summary>
/// The upstream beam line (seed, Fig. 1): S1–S3, Micromegas T1/T2, two dipoles (≈7 T·m), GEM T3/T4 and
/// the 15 m vacuum vessel. Coordinates: z along the beam in cm with the ECAL front face at z = 0; x is the
/// bending plane. Positions are [assumed] (the seed gives only the ordering and the 15 m vessel). The passive
/// material (windows, air gaps) is the material map <see cref="PassiveElements"/>; its [assumed] amounts, with the
/// thin S1/S2 counters, satisfy the seed's integral constraint on the upstream e⁻ loss (≲ 3 % ± 2 %,
/// docs/physics/beam-line.md#material-map).
/// </summary>
public sealed record SpectrometerOptions
{
    /// <summary>Beam-defining counters.</summary>
    public IReadOnlyList<CounterOptions> Counters { get; init; } =
    [
        new() { Name = "S1", ZCm = -3000, ThicknessCm = 0.1 },
        new() { Name = "S2", ZCm = -2850, ThicknessCm = 0.1 },
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

    /// <summary>The material map: passive elements ordered along the beam (docs/physics/beam-line.md#material-map). All
    /// [assumed]: the H4 line's vacuum ends in a 0.1 mm Mylar window before S1; S1–T2 sit in air; one vacuum chamber with
    /// 0.1 mm Mylar windows runs through both dipoles; T3/T4 sit in air; the 15 m vacuum vessel (seed) has 0.1 mm Mylar
    /// windows and ends 2 m before the ECAL; S3 and the SRD sit in the last air gap.</summary>
    public IReadOnlyList<PassiveElementOptions> PassiveElements { get; init; } =
    [
        new() { Name = "h4-exit-window", ZCm = -3010, Material = "Mylar", ThicknessCm = 0.01 },
        new() { Name = "air-s1-to-magnets", ZCm = -3009, Material = "Air", ThicknessCm = 233 },
        new() { Name = "magnet-chamber-entry-window", ZCm = -2775, Material = "Mylar", ThicknessCm = 0.01 },
        new() { Name = "magnet-chamber-exit-window", ZCm = -2240, Material = "Mylar", ThicknessCm = 0.01 },
        new() { Name = "air-magnets-to-vessel", ZCm = -2239, Material = "Air", ThicknessCm = 538 },
        new() { Name = "vessel-entry-window", ZCm = -1700, Material = "Mylar", ThicknessCm = 0.01 },
        new() { Name = "vessel-exit-window", ZCm = -200, Material = "Mylar", ThicknessCm = 0.01 },
        new() { Name = "air-vessel-to-ecal", ZCm = -199, Material = "Air", ThicknessCm = 194 },
    ];

    /// <summary>Total field integral, T·m.</summary>
    [JsonIgnore]
    public double FieldIntegralTm => Dipoles.Sum(d => d.FieldIntegralTm);

    internal void Validate(string path, List<string> errors)
    {
        for (int i = 0; i < Counters.Count; i++) Counters[i].Validate($"{path}.counters[{i}]", errors);
        for (int i = 0; i < Trackers.Count; i++) Trackers[i].Validate($"{path}.trackers[{i}]", errors);
        for (int i = 0; i < Dipoles.Count; i++) Dipoles[i].Validate($"{path}.dipoles[{i}]", errors);
        for (int i = 0; i < PassiveElements.Count; i++) PassiveElements[i].Validate($"{path}.passiveElements[{i}]", errors);
        ValidateOverlaps(path + ".passiveElements", errors);
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

    private void ValidateOverlaps(string path, List<string> errors)
    {
        // Sorted by upstream face; a slab that starts before its predecessor ends overlaps it (touching faces are fine).
        var order = Enumerable.Range(0, PassiveElements.Count).Where(i => double.IsFinite(PassiveElements[i].ZCm) && double.IsFinite(PassiveElements[i].ThicknessCm))
            .OrderBy(i => PassiveElements[i].ZCm).ToList();
        for (int k = 1; k < order.Count; k++)
        {
            PassiveElementOptions a = PassiveElements[order[k - 1]], b = PassiveElements[order[k]];
            if (b.ZCm < a.ZEndCm())
                errors.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"setup card error at {path}[{order[k]}].zCm: element '{b.Name}' starts at {b.ZCm} cm inside '{a.Name}' ({path}[{order[k - 1]}], {a.ZCm} to {a.ZEndCm()} cm); elements of the material map must not overlap"));
        }
    }
}
