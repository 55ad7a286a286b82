using System.Globalization;
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

    internal void Validate(string path, List<string> errors)
    {
        if (EnergiesGeV.Count == 0 || EnergiesGeV.Count != Shifts.Count)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"setup card error at {path}: {EnergiesGeV.Count} energiesGeV and {Shifts.Count} shifts; give one shift per energy, at least one"));
            return;
        }
        for (int i = 0; i < EnergiesGeV.Count; i++)
        {
            SetupChecks.InRange(EnergiesGeV[i], 1e-3, 1e4, $"{path}.energiesGeV[{i}]", errors);
            if (i > 0 && !(EnergiesGeV[i] > EnergiesGeV[i - 1]))
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"setup card error at {path}.energiesGeV[{i}]: {EnergiesGeV[i]} does not exceed the previous {EnergiesGeV[i - 1]}; list the energies in ascending order"));
            // as profileAlphaShift: beyond ±3 the shape leaves the range the fit explores
            SetupChecks.InRange(Shifts[i], -3, 3, $"{path}.shifts[{i}]", errors);
        }
    }
}
