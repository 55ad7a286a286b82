namespace Emiss.Detector.Calorimetry;

/// <summary>
/// An energy-dependent fraction of an EM shower's energy in the profile's attenuated deep tail (<see cref="ShowerMedium.TailFraction"/>
/// at energy nodes, linear in ln E between them and held beyond them). In the NA64 Pb/Sc ECAL one fraction for all energies
/// leaves the engine's deep tail 10–25 % above the model at 100 GeV and below it at 2 GeV; fitted per energy the fraction
/// grows towards 100 GeV (docs/physics/calorimeter-parametrised.md#tail-fraction-per-energy). A photon's shower takes the
/// fraction at half its energy: it is a pair of showers sharing that energy.
/// </summary>
public sealed class TailFractionTable : LnEnergyTable
{
    /// <summary>Creates the table; <paramref name="energiesGeV"/> strictly ascending and positive, one fraction per energy.</summary>
    public TailFractionTable(IReadOnlyList<double> energiesGeV, IReadOnlyList<double> fractions) : base(energiesGeV, fractions, nameof(fractions)) { }

    /// <summary>The tail fraction at each node.</summary>
    public IReadOnlyList<double> Fractions => Values;
}
