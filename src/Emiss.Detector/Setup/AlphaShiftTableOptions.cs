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

    // as profileAlphaShift: beyond ±3 the shape leaves the range the fit explores
    internal void Validate(string path, List<string> errors) => Validate(path, EnergiesGeV, Shifts, "shifts", "shift", -3, 3, errors);

    /// <summary>Checks a card table of <paramref name="values"/> (card name <paramref name="valuesKey"/>) at
    /// <paramref name="energies"/>: one per energy, energies ascending within [1 MeV, 10 TeV], values within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static void Validate(string path, IReadOnlyList<double> energies, IReadOnlyList<double> values, string valuesKey, string valueName,
        double min, double max, List<string> errors)
    {
        if (energies.Count == 0 || energies.Count != values.Count)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"setup card error at {path}: {energies.Count} energiesGeV and {values.Count} {valuesKey}; give one {valueName} per energy, at least one"));
            return;
        }
        for (int i = 0; i < energies.Count; i++)
        {
            SetupChecks.InRange(energies[i], 1e-3, 1e4, $"{path}.energiesGeV[{i}]", errors);
            if (i > 0 && !(energies[i] > energies[i - 1]))
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"setup card error at {path}.energiesGeV[{i}]: {energies[i]} does not exceed the previous {energies[i - 1]}; list the energies in ascending order"));
            SetupChecks.InRange(values[i], min, max, $"{path}.{valuesKey}[{i}]", errors);
        }
    }
}
