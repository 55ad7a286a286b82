using Emiss.Detector.Beam;

namespace Emiss.Detector.Calorimetry;

/// <summary>A particle arriving at the ECAL face plane (z = 0), position relative to the nominal beam axis.</summary>
/// <param name="Kind">Species.</param>
/// <param name="EnergyGeV">Total energy, GeV.</param>
/// <param name="XCm">x at z = 0, cm.</param>
/// <param name="YCm">y at z = 0, cm.</param>
public readonly record struct IncidentParticle(DetectorSpecies Kind, double EnergyGeV, double XCm, double YCm);
