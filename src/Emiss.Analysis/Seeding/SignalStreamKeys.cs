namespace Emiss.Analysis.Seeding;

/// <summary>
/// Key blocks of the sub-sample seeds the analysis derives on the signal stream (<c>RngStreams.DerivedSeed(seed,
/// StreamKind.Signal, block | index)</c>). Each block belongs to one use, so that no two samples start from one seed; all lie
/// above the event keys of the signal Monte Carlo (below 2⁴⁸). Never renumber: the values fix every derived sample
/// (docs/physics/rng-streams.md).
/// </summary>
public static class SignalStreamKeys
{
    /// <summary>The efficiency scan's detector model of run r: block | r.</summary>
    public const ulong EfficiencyRunModel = 0xFFFF_0000_0000_0000UL;

    /// <summary>The efficiency scan's A′ emission sample of mass index m: block | m.</summary>
    public const ulong Emissions = 0xFFFE_0000_0000_0000UL;

    /// <summary>The injected-signal model (one sample).</summary>
    public const ulong InjectedSignal = 0xFFFD_0000_0000_0000UL;

    /// <summary>The reference electrons' detector model of run r: block | r (until 2026-12-06 it shared <see cref="Emissions"/>).</summary>
    public const ulong ReferenceElectrons = 0xFFFC_0000_0000_0000UL;

    /// <summary>Every block, for the check that they are distinct.</summary>
    public static IReadOnlyList<ulong> All { get; } = [EfficiencyRunModel, Emissions, InjectedSignal, ReferenceElectrons];

    /// <summary>The key of index <paramref name="index"/> (a run number or mass index, below 2³²) in <paramref name="block"/>.</summary>
    public static ulong Key(ulong block, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return block | (uint)index;
    }
}
