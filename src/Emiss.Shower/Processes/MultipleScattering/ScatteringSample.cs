namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>Projected deflection angles (rad) and lateral displacements (cm) over one step, in the frame of the initial direction.</summary>
/// <param name="ThetaX">Projected angle in the x–z plane.</param>
/// <param name="ThetaY">Projected angle in the y–z plane.</param>
/// <param name="DxCm">Lateral displacement along x.</param>
/// <param name="DyCm">Lateral displacement along y.</param>
public readonly record struct ScatteringSample(double ThetaX, double ThetaY, double DxCm, double DyCm);
