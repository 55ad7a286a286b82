using System.Globalization;
using Emiss.Core.Constants;

namespace Emiss.Shower;

/// <summary>Static properties of <see cref="ParticleType"/>: mass, charge and names.</summary>
public static class ParticleTypes
{
    /// <summary>Number of particle species.</summary>
    public const int Count = 5;

    /// <summary>Rest mass, GeV.</summary>
    public static double MassGeV(ParticleType type) => type switch
    {
        ParticleType.Electron or ParticleType.Positron => PhysicalConstants.ElectronMassGeV,
        ParticleType.MuonMinus or ParticleType.MuonPlus => PhysicalConstants.MuonMassGeV,
        _ => 0.0,
    };

    /// <summary>True for charged species (continuous loss and multiple scattering apply).</summary>
    public static bool IsCharged(ParticleType type) => type != ParticleType.Gamma;

    /// <summary>
    /// Energy the particle carries into the event's energy balance, GeV: kinetic energy, plus 2 m_e for a
    /// positron (the rest energy of the e⁺ and its annihilation partner, released as two photons).
    /// </summary>
    public static double BudgetGeV(ParticleType type, double kineticGeV) =>
        type == ParticleType.Positron ? kineticGeV + 2.0 * PhysicalConstants.ElectronMassGeV : kineticGeV;

    /// <summary>Parses "e-", "e+", "gamma", "mu-", "mu+" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; lists the accepted ones.</exception>
    public static ParticleType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLower(CultureInfo.InvariantCulture) switch
        {
            "e-" or "electron" => ParticleType.Electron,
            "e+" or "positron" => ParticleType.Positron,
            "gamma" or "g" or "photon" => ParticleType.Gamma,
            "mu-" => ParticleType.MuonMinus,
            "mu+" => ParticleType.MuonPlus,
            _ => throw new ArgumentException($"unknown particle '{name}'; use e-, e+, gamma, mu- or mu+", nameof(name)),
        };
    }

    /// <summary>Short name: e-, e+, gamma, mu-, mu+.</summary>
    public static string Name(ParticleType type) => type switch
    {
        ParticleType.Electron => "e-",
        ParticleType.Positron => "e+",
        ParticleType.Gamma => "gamma",
        ParticleType.MuonMinus => "mu-",
        _ => "mu+",
    };
}
