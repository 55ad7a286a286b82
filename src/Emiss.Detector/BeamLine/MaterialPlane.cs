namespace Emiss.Detector.BeamLine;

/// <summary>
/// One thin material plane of the beam line as the transport sees it: a counter, a tracker, or a slice of a passive
/// element of the material map (extended elements are cut into slices of at most
/// <see cref="BeamLineTransport.MaxSliceCm"/>, each at its slice centre).
/// </summary>
/// <param name="Element">Name of the counter, tracker or passive element.</param>
/// <param name="ZCm">Position along the beam, cm.</param>
/// <param name="RadiationLengthFraction">Thickness x/X0 of the plane.</param>
/// <param name="InField">Whether the plane lies inside a dipole field (electrons bend after it, photons fly straight).</param>
public readonly record struct MaterialPlane(string Element, double ZCm, double RadiationLengthFraction, bool InField);
