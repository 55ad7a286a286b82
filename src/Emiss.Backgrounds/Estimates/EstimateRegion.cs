using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Estimates;

/// <summary>The regions that method 1 predicts: after every cut, the signal box and sidebands A and C (the seed's
/// Fig. 2, right), and the loose-SRD population (Fig. 2, left).</summary>
public static class EstimateRegion
{
    /// <summary>Region names in output order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["signal-box", "sideband-A", "sideband-C", "loose-srd"];

    /// <summary>Index of the signal box in <see cref="Names"/>.</summary>
    public const int SignalBox = 0;

    /// <summary>Marks which regions an event with last passed stage <paramref name="last"/> and region
    /// <paramref name="region"/> belongs to.</summary>
    public static void Mark(CutStage last, SignalRegion region, Span<bool> into)
    {
        bool all = last == CutStage.V2;
        into[0] = all && region == SignalRegion.SignalBox;
        into[1] = all && region == SignalRegion.SidebandA;
        into[2] = all && region == SignalRegion.SidebandC;
        into[3] = last >= CutStage.LooseSrd;
    }
}
