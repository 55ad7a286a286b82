namespace Emiss.Analysis.Blinding;

/// <summary>
/// The fixed 10 % of the data open for cut optimisation (the seed: "for the selection criteria optimization, 10 %
/// of the data was used"): event (run, index) belongs to it when SplitMix64(salt ⊕ run·φ ⊕ index) mod 1000 &lt; 100.
/// The salt is a constant recorded here and in every output's provenance, so the partition never changes and cannot
/// be re-drawn until it covers the box. docs/physics/blinding.md#partition.
/// </summary>
public static class OptimisationPartition
{
    /// <summary>The salt ("NA642016" in ASCII).</summary>
    public const ulong Salt = 0x4E41_3634_3230_3136UL;

    /// <summary>Per-mille of events in the partition.</summary>
    public const int PerMille = 100;

    /// <summary>Description for provenance notes.</summary>
    public static string Description => $"optimisation partition: SplitMix64(0x{Salt:X16} ^ run*0x9E3779B97F4A7C15 ^ event) mod 1000 < {PerMille}";

    /// <summary>True if event (<paramref name="run"/>, <paramref name="eventIndex"/>) is in the optimisation partition.</summary>
    public static bool Contains(int run, long eventIndex)
    {
        ulong z = Salt ^ unchecked((ulong)(uint)run * 0x9E37_79B9_7F4A_7C15UL) ^ unchecked((ulong)eventIndex);
        // SplitMix64 finaliser (Steele, Lea & Flood, OOPSLA 2014): full avalanche, so neighbouring events are independent.
        z = unchecked((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL);
        z ^= z >> 31;
        return (int)(z % 1000UL) < PerMille;
    }
}
