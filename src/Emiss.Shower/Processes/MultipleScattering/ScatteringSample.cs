namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// Deflection and lateral displacement over one step, in the frame of the initial direction (z along it): the new
/// direction (sinθ cosφ, sinθ sinφ, cosθ) and the displacement (dx, dy) in cm.
/// </summary>
/// <param name="CosTheta">cos θ of the deflection.</param>
/// <param name="SinTheta">sin θ of the deflection.</param>
/// <param name="CosPhi">cos φ of the deflection azimuth.</param>
/// <param name="SinPhi">sin φ of the deflection azimuth.</param>
/// <param name="DxCm">Lateral displacement along x.</param>
/// <param name="DyCm">Lateral displacement along y.</param>
public readonly record struct ScatteringSample(double CosTheta, double SinTheta, double CosPhi, double SinPhi, double DxCm, double DyCm);
