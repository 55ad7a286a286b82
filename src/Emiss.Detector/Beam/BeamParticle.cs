namespace Emiss.Detector.Beam;

/// <summary>A beam particle at the start of the beam line (z of S1 minus 10 cm): species, energy and phase space.</summary>
/// <param name="Kind">Species.</param>
/// <param name="EnergyGeV">Total energy, GeV.</param>
/// <param name="XCm">x, cm.</param>
/// <param name="YCm">y, cm.</param>
/// <param name="SlopeX">dx/dz (rad).</param>
/// <param name="SlopeY">dy/dz (rad).</param>
public readonly record struct BeamParticle(DetectorSpecies Kind, double EnergyGeV, double XCm, double YCm, double SlopeX, double SlopeY);
