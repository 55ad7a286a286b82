namespace Emiss.Physics.Photonuclear;

/// <summary>
/// Total photonuclear cross section σ_γA above the resonance region, in the form Geant4 uses above 50 GeV
/// (<c>G4PhotoNuclearCrossSection::GetIsoZACrossSection</c>, Reggeon–Pomeron branch, M. V. Kossov 2002):
/// σ = A(1 − 0.072 ln A)·[0.0375(ln E − 16.5) + 1.0734 e^(−0.11 ln E)] mb, E the photon energy in MeV; for a free
/// nucleon (A = 1) the shadowing factor is 1. Geant4 interpolates a table between 106 MeV and 50 GeV that joins this
/// form; Emiss uses the closed form from 1 GeV up (for A = 1 it gives 0.1165 mb at 10 GeV and 0.1155 mb at
/// 104 GeV, within 3 % of the measured σ_γp; docs/physics/photonuclear.md#cross-section).
/// </summary>
public static class PhotonuclearCrossSection
{
    /// <summary>Lowest photon energy at which the Reggeon–Pomeron form is used, GeV.</summary>
    public const double MinimumEnergyGeV = 1.0;

    /// <summary>σ_γA in mb for mass number <paramref name="a"/> and photon energy <paramref name="kGeV"/>.</summary>
    public static double Millibarn(double a, double kGeV)
    {
        if (!(a >= 1) || double.IsInfinity(a)) throw new ArgumentOutOfRangeException(nameof(a), a, "mass number must be ≥ 1");
        if (!(kGeV >= MinimumEnergyGeV) || double.IsInfinity(kGeV))
            throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, $"the Reggeon–Pomeron form holds above {MinimumEnergyGeV} GeV");
        return ShadowedNucleons(a) * PerNucleonMillibarn(kGeV);
    }

    /// <summary>The energy factor 0.0375(ln E − 16.5) + 1.0734 e^(−0.11 ln E) (E in MeV): σ per effective nucleon, mb.</summary>
    public static double PerNucleonMillibarn(double kGeV)
    {
        double lnE = Math.Log(kGeV * 1e3);
        return 0.0375 * (lnE - 16.5) + 1.0734 * Math.Exp(-0.11 * lnE);
    }

    /// <summary>Geant4's effective nucleon number A(1 − 0.072 ln A) (1 for A = 1).</summary>
    public static double ShadowedNucleons(double a) => a <= 1 ? 1.0 : a * (1 - 0.072 * Math.Log(a));
}
