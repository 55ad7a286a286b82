using System.Globalization;
using Emiss.Core.Constants;

namespace Emiss.Shower;

/// <summary>Static properties of <see cref="ShowerSpecies"/>: mass, charge and names.</summary>
public static class ShowerSpeciesInfo
{
    /// <summary>Number of particle species.</summary>
    public const int Count = 5;

    /// <summary>Rest mass, GeV.</summary>
    public static double MassGeV(ShowerSpecies type) => type switch
    {
        ShowerSpecies.Electron or ShowerSpecies.Positron => PhysicalConstants.ElectronMassGeV,
        ShowerSpecies.MuonMinus or ShowerSpecies.MuonPlus => PhysicalConstants.MuonMassGeV,
        _ => 0.0,
    };

    /// <summary>True for charged species (continuous loss and multiple scattering apply).</summary>
    public static bool IsCharged(ShowerSpecies type) => type != ShowerSpecies.Gamma;

    /// <summary>
    /// Energy the particle carries into the event's energy balance, GeV: kinetic energy, plus 2 m_e for a
    /// positron (the rest energy of the e⁺ and its annihilation partner, released as two photons).
    /// </summary>
    public static double BudgetGeV(ShowerSpecies type, double kineticGeV) =>
        type == ShowerSpecies.Positron ? kineticGeV + 2.0 * PhysicalConstants.ElectronMassGeV : kineticGeV;

    /// <summary>Parses "e-", "e+", "gamma", "mu-", "mu+" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; lists the accepted ones.</exception>
    public static ShowerSpecies Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLower(CultureInfo.InvariantCulture) switch
        {
            "e-" or "electron" => ShowerSpecies.Electron,
            "e+" or "positron" => ShowerSpecies.Positron,
            "gamma" or "g" or "photon" => ShowerSpecies.Gamma,
            "mu-" => ShowerSpecies.MuonMinus,
            "mu+" => ShowerSpecies.MuonPlus,
            _ => throw new ArgumentException($"unknown particle '{name}'; use e-, e+, gamma, mu- or mu+", nameof(name)),
        };
    }

    /// <summary>Short name: e-, e+, gamma, mu-, mu+.</summary>
    public static string Name(ShowerSpecies type) => type switch
    {
        ShowerSpecies.Electron => "e-",
        ShowerSpecies.Positron => "e+",
        ShowerSpecies.Gamma => "gamma",
        ShowerSpecies.MuonMinus => "mu-",
        _ => "mu+",
    };
}
