namespace Emiss.Shower.Fast;

/// <summary>
/// Settings of the shower-library fast mode (<see cref="ShowerLibrary"/>). e± and γ with kinetic energy in
/// [<see cref="MinGeV"/>, <see cref="SwitchGeV"/>) inside the periodic part of the stack are replaced by a library
/// shower; everything else is transported analogously.
/// </summary>
public sealed record FastShowerOptions
{
    /// <summary>Upper end of the library (E_switch), GeV: particles below it are substituted.</summary>
    public double SwitchGeV { get; init; } = 0.5;

    /// <summary>
    /// Lower end of the library, GeV; null = the largest e± production cut of the periodic materials. Below the cut,
    /// e± survive only near slab faces (range rejection), so their start points are not uniform in the slab as the
    /// library's are; they stay analog (they are cheap: they range out within a slab or two).
    /// </summary>
    public double? MinGeV { get; init; }

    /// <summary>Log-spaced energy bins per decade.</summary>
    public int BinsPerDecade { get; init; } = 6;

    /// <summary>Library showers per (species, start layer in the period, energy bin). The library is reused by every event, so
    /// its own sampling fluctuation is a fixed bias of the fast mode: ≈ 16 %/√(0.4 GeV) per 0.4 GeV shower / √(2 × 384) ≈ 0.3 % on
    /// the NA64 ECAL active energy, and on σ/E of 1 GeV showers, whose active energy comes from a few bins near E_switch,
    /// ≈ ±3.3 % rms between libraries at 96 showers per bin, halved at 384 (docs/physics/fast-mode.md#validation). Build
    /// time and memory grow linearly with it.</summary>
    public int EntriesPerBin { get; init; } = 384;

    /// <summary>Lateral aggregation bin of the stored spots in the shower core, cm (spots keep their energy-weighted centroid).</summary>
    public double LateralBinCm { get; init; } = 0.2;

    /// <summary>Half-width of the core (|x|, |y| below it, relative to the start point) that uses <see cref="LateralBinCm"/>, cm.</summary>
    public double CoreHalfWidthCm { get; init; } = 1.0;

    /// <summary>Lateral aggregation bin outside the core, cm.</summary>
    public double HaloBinCm { get; init; } = 0.6;

    /// <summary>Master seed of the library build (library shower j uses stream (seed, Shower, j)).</summary>
    public ulong Seed { get; init; } = 0x5348_4C49_4231UL;

    /// <summary>Depth of the library's periodic medium behind the start point, radiation lengths (back-scatter room).</summary>
    public double BackwardDepthX0 { get; init; } = 5.0;

    /// <summary>Depth of the library's periodic medium ahead of the start point, radiation lengths.</summary>
    public double ForwardDepthX0 { get; init; } = 40.0;

    /// <summary>Lateral half-width of the library's medium, cm (energy beyond it is stored as escaped).</summary>
    public double LateralHalfWidthCm { get; init; } = 60.0;

    /// <summary>Null: the library covers the stack's longest periodic run. A slab index: the longest run that contains it
    /// (<see cref="PeriodicRegion.Detect"/>), e.g. 0 for the ECAL at the front of an ECAL + HCAL stack.</summary>
    public int? RegionContainingSlab { get; init; }

    /// <summary>The default settings.</summary>
    public static FastShowerOptions Default { get; } = new();
}
