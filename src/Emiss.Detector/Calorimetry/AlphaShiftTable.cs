namespace Emiss.Detector.Calorimetry;

/// <summary>
/// An energy-dependent shift of the GFlash shape parameter α: values at energy nodes, linear in ln E between them and held
/// at the end values beyond them (no extrapolation outside the energies it was fitted at). GFlash's homogeneous-media α
/// grows as 0.81 + (0.458 + 2.26/Z) ln y; in the NA64 Pb/Sc ECAL the shower engine's α follows it within ≈ 0.1 from 2 to
/// 50 GeV and rises above it at higher energy, which one constant shift cannot follow
/// (docs/physics/calorimeter-parametrised.md#energy-dependent-alpha).
/// </summary>
public sealed class AlphaShiftTable : LnEnergyTable
{
    /// <summary>Creates the table; <paramref name="energiesGeV"/> strictly ascending and positive, one shift per energy.</summary>
    public AlphaShiftTable(IReadOnlyList<double> energiesGeV, IReadOnlyList<double> shifts) : base(energiesGeV, shifts, nameof(shifts)) { }

    /// <summary>The shift at each node.</summary>
    public IReadOnlyList<double> Shifts => Values;
}
