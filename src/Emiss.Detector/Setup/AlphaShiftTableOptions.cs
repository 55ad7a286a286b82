using Emiss.Detector.Calorimetry;

namespace Emiss.Detector.Setup;

/// <summary>
/// The card's energy-dependent α shift of the parametrised EM profile (<c>ecal.profileAlphaShiftTable</c>): one shift per
/// node energy, linear in ln E between nodes and held beyond them (<see cref="AlphaShiftTable"/>), added to
/// <c>ecal.profileAlphaShift</c> for e± showers (photons take their own <c>ecal.profilePhotonAlphaShift</c>). Fitted to the shower engine by
/// <c>emiss study ecal-profile --alpha-per-energy</c> (docs/physics/calorimeter-parametrised.md#energy-dependent-alpha).
/// </summary>
public sealed record AlphaShiftTableOptions
{
    /// <summary>Node energies, GeV, strictly ascending.</summary>
    public IReadOnlyList<double> EnergiesGeV { get; init; } = [];

    /// <summary>The α shift at each node.</summary>
    public IReadOnlyList<double> Shifts { get; init; } = [];

    /// <summary>The NA64 Pb/Sc ECAL's table (<see cref="ShowerMedium.NA64PbScAlphaShiftEnergiesGeV"/>,
    /// <see cref="ShowerMedium.NA64PbScAlphaShiftsByEnergy"/>).</summary>
    public static AlphaShiftTableOptions NA64PbSc { get; } = new()
    {
        EnergiesGeV = ShowerMedium.NA64PbScAlphaShiftEnergiesGeV,
        Shifts = ShowerMedium.NA64PbScAlphaShiftsByEnergy,
    };

    /// <summary>The table the profile uses.</summary>
    public AlphaShiftTable ToTable() => new(EnergiesGeV, Shifts);

    // as profileAlphaShift: beyond ±3 the shape leaves the range the fit explores
    internal void Validate(string path, List<string> errors) => SetupChecks.EnergyTable(path, EnergiesGeV, Shifts, "shifts", "shift", -3, 3, errors);
}
