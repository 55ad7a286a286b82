namespace Emiss.Core.Constants;

/// <summary>
/// Physical constants in the Emiss unit system (GeV, cm, ns). Each cites its source; derived
/// relations are checked by ConstantsTests.
/// </summary>
public static class PhysicalConstants
{
    /// <summary>Fine-structure constant. Source: CODATA 2018.</summary>
    public const double Alpha = 1.0 / 137.035999084;

    /// <summary>Electron mass, GeV. Source: CODATA 2018 (0.51099895000 MeV).</summary>
    public const double ElectronMassGeV = 0.51099895000e-3;

    /// <summary>Muon mass, GeV. Source: PDG 2024 (105.6583755 MeV).</summary>
    public const double MuonMassGeV = 0.1056583755;

    /// <summary>Charged-pion mass, GeV. Source: PDG 2024 (139.57039 MeV).</summary>
    public const double ChargedPionMassGeV = 0.13957039;

    /// <summary>Charged-kaon mass, GeV. Source: PDG 2024 (493.677 MeV).</summary>
    public const double ChargedKaonMassGeV = 0.493677;

    /// <summary>Proton mass, GeV, as used in the Tsai inelastic form factor. Source: docs/physics/units-and-constants.md#constants (PDG 938.272 MeV).</summary>
    public const double ProtonMassGeV = 0.938272;

    /// <summary>Neutron mass, GeV (PDG 2024: 939.56542 MeV).</summary>
    public const double NeutronMassGeV = 0.93956542;

    /// <summary>Neutral pion mass, GeV (PDG 2024: 134.9768 MeV).</summary>
    public const double NeutralPionMassGeV = 0.1349768;

    /// <summary>Neutral kaon mass, GeV (PDG 2024: 497.611 MeV).</summary>
    public const double NeutralKaonMassGeV = 0.497611;

    /// <summary>Proton magnetic moment in nuclear magnetons, as used by Tsai (RMP 46, 815). Source: docs/physics/units-and-constants.md#constants.</summary>
    public const double ProtonMagneticMoment = 2.79;

    /// <summary>Atomic mass unit, GeV (nucleus mass M = A·u). Source: CODATA 2018 (931.49410242 MeV).</summary>
    public const double AtomicMassUnitGeV = 0.93149410242;

    /// <summary>ħc, GeV·cm. Source: CODATA 2018 (197.3269804 MeV fm).</summary>
    public const double HbarCGeVCm = 1.973269804e-14;

    /// <summary>(ħc)², GeV²·cm². Source: PDG 2024, Table 1.1 (0.3893793721 GeV² mb).</summary>
    public const double HbarCSquaredGeV2Cm2 = 0.3893793721e-27;

    /// <summary>Classical electron radius, cm. Source: CODATA 2018 (2.8179403262 fm).</summary>
    public const double ClassicalElectronRadiusCm = 2.8179403262e-13;

    /// <summary>Avogadro constant, 1/mol. Source: SI 2019 exact value.</summary>
    public const double AvogadroPerMol = 6.02214076e23;

    /// <summary>Speed of light, cm/ns. Source: SI exact (299792458 m/s).</summary>
    public const double SpeedOfLightCmPerNs = 29.9792458;

    /// <summary>
    /// Ionisation-loss constant K = 4π N_A r_e² m_e c², GeV·cm²/mol. Source: PDG 2024 "Passage of
    /// particles through matter", Table 34.1 (0.307075 MeV cm²/mol).
    /// </summary>
    public const double IonisationKGeVCm2PerMol = 0.307075e-3;
}
