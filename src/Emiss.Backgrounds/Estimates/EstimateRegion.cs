using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Estimates;

/// <summary>The regions that method 1 predicts: after every cut, the signal box and sidebands A and C (the seed's
/// Fig. 2, right), the loose-SRD population (Fig. 2, left), and the dimuon benchmark (region I of Fig. 2,
/// <see cref="DimuonBenchmark"/>) whose data/MC comparison is a yield systematic.</summary>
public static class EstimateRegion
{
    /// <summary>Region names in output order (append new regions, never reorder).</summary>
    public static IReadOnlyList<string> Names { get; } = ["signal-box", "sideband-A", "sideband-C", "loose-srd", "dimuon-benchmark"];

    /// <summary>Index of the signal box in <see cref="Names"/>.</summary>
    public const int SignalBox = 0;

    /// <summary>Index of the dimuon benchmark in <see cref="Names"/>.</summary>
    public const int DimuonBenchmark = 4;

    /// <summary>Marks which regions an event with last passed stage <paramref name="last"/>, region
    /// <paramref name="region"/> and membership <paramref name="inDimuonBenchmark"/> of the dimuon benchmark belongs to.</summary>
    public static void Mark(CutStage last, SignalRegion region, bool inDimuonBenchmark, Span<bool> into)
    {
        bool all = last == CutStage.V2;
        into[0] = all && region == SignalRegion.SignalBox;
        into[1] = all && region == SignalRegion.SidebandA;
        into[2] = all && region == SignalRegion.SidebandC;
        into[3] = last >= CutStage.LooseSrd;
        into[DimuonBenchmark] = inDimuonBenchmark;
    }
}
