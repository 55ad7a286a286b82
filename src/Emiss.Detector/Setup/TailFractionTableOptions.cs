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

    /// <summary>The table the profile uses.</summary>
    public TailFractionTable ToTable() => new(EnergiesGeV, Fractions);

    // as profileTailFraction
    internal void Validate(string path, List<string> errors) =>
        SetupChecks.EnergyTable(path, EnergiesGeV, Fractions, "fractions", "fraction", 0, 0.5, errors);
}
