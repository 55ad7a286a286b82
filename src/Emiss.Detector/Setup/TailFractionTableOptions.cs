using Emiss.Detector.Calorimetry;

namespace Emiss.Detector.Setup;

/// <summary>
/// The card's tail fraction per energy of the parametrised EM profile (<c>ecal.profileTailFractionTable</c>): one fraction per
/// node energy, linear in ln E between nodes and held beyond them (<see cref="TailFractionTable"/>), used instead of
/// <c>ecal.profileTailFraction</c> for e± showers and, at half their energy, for photon showers; the same record serves
/// <c>ecal.profilePhotonTailFractionTable</c>, photon showers' own table at their energy (<c>--photon --tail-per-energy</c>). Fitted to the shower engine by
/// <c>emiss study ecal-profile --tail-per-energy</c> (docs/physics/calorimeter-parametrised.md#tail-fraction-per-energy).
/// </summary>
public sealed record TailFractionTableOptions
{
    /// <summary>Node energies, GeV, strictly ascending.</summary>
    public IReadOnlyList<double> EnergiesGeV { get; init; } = [];

    /// <summary>The tail fraction at each node.</summary>
    public IReadOnlyList<double> Fractions { get; init; } = [];

    /// <summary>The NA64 Pb/Sc ECAL's table (<see cref="ShowerMedium.NA64PbScTailFractionEnergiesGeV"/>,
    /// <see cref="ShowerMedium.NA64PbScTailFractionsByEnergy"/>).</summary>
    public static TailFractionTableOptions NA64PbSc { get; } = new()
    {
        EnergiesGeV = ShowerMedium.NA64PbScTailFractionEnergiesGeV,
        Fractions = ShowerMedium.NA64PbScTailFractionsByEnergy,
    };

    /// <summary>The NA64 Pb/Sc ECAL's table for photon showers (<see cref="ShowerMedium.NA64PbScTailFractionEnergiesGeV"/>,
    /// <see cref="ShowerMedium.NA64PbScPhotonTailFractionsByEnergy"/>).</summary>
    public static TailFractionTableOptions NA64PbScPhoton { get; } = new()
    {
        EnergiesGeV = ShowerMedium.NA64PbScTailFractionEnergiesGeV,
        Fractions = ShowerMedium.NA64PbScPhotonTailFractionsByEnergy,
    };

    /// <summary>The table the profile uses.</summary>
    public TailFractionTable ToTable() => new(EnergiesGeV, Fractions);

    // as profileTailFraction
    internal void Validate(string path, List<string> errors) =>
        SetupChecks.EnergyTable(path, EnergiesGeV, Fractions, "fractions", "fraction", 0, 0.5, errors);
}
