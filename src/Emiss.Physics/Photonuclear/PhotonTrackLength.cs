namespace Emiss.Physics.Photonuclear;

/// <summary>
/// Differential photon track length of an electromagnetic shower in Rossi's approximation A (radiation and pair
/// production only, k ≪ E0): T_γ(k) dk = 0.572 X0 E0/k² dk (docs/physics/validation-anchors.md#v13; Rossi,
/// <i>High-Energy Particles</i>, 1952). Used as an estimate independent of the shower engine for the number of
/// photonuclear interactions per beam electron.
/// </summary>
public static class PhotonTrackLength
{
    /// <summary>Rossi approximation A coefficient of T_γ k²/E0, in X0.</summary>
    public const double RossiCoefficient = 0.572;

    /// <summary>T_γ(k) in X0 per GeV for beam energy <paramref name="e0GeV"/>.</summary>
    public static double PerGeV(double e0GeV, double kGeV) => RossiCoefficient * e0GeV / (kGeV * kGeV);

    /// <summary>∫ T_γ dk between <paramref name="k1"/> and <paramref name="k2"/>, in X0.</summary>
    public static double Between(double e0GeV, double k1, double k2) => RossiCoefficient * e0GeV * (1 / k1 - 1 / k2);
}
