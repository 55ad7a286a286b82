namespace Emiss.Testing;

/// <summary>
/// The NA64 ECAL sampling term, one known discrepancy measured by two test projects (the shower engine directly and
/// the detector's "full" ECAL model built on it), so both report the same target and the same cause.
/// </summary>
public static class EcalSamplingTerm
{
    /// <summary>
    /// Target: the sampling term derived for the assumed 150 × (1.5 mm Pb + 1.5 mm Sc) stack, ≈ 9 %/√E (docs/physics/README.md
    /// docs/physics/na64-detector.md#ecal), read as ±10 %; the seed (PRL 118, 011802) quotes δE/E ≈ 10 %/√E for the real ECAL, photostatistics included.
    /// </summary>
    public static PhysicsTarget Target { get; } = new(0.09, 0.009,
        "docs/physics/na64-detector.md#ecal: sampling term ≈ 9 %/√E for 150 × (1.5 mm Pb + 1.5 mm Sc), read as ±10 %; seed δE/E ≈ 10 %/√E");

    /// <summary>What is known about the cause.</summary>
    public const string Cause =
        "not isolated; neither the step-independent multiple scattering (the term moved from 0.0773 to 0.0780) nor the " +
        "Urban energy-loss fluctuations with the per-element photon tables (0.0780 to 0.0757) nor the photoabsorption above " +
        "0.8 MeV in Sauter's shape (the detector's full model 0.0773 to 0.0751) raise it towards 9 %; the " +
        "layering of the card (1.5 mm Pb + 1.5 mm Sc) is itself [assumed]; " +
        "photostatistics and calibration terms are not part of this number; the 9 % is the 2.7 %·√(d/f_mip) rule, which reads " +
        "0.78–0.87 of its value on the measured PHENIX and LHCb Pb/Sc calorimeters (photostatistics included), and 0.85 here " +
        "(docs/physics/na64-detector.md#ecal)";
}
