namespace Emiss.Physics.Decays;

/// <summary>A four-momentum (E, p), GeV, in the frame the caller names (rest frame of a decaying particle or the lab).</summary>
/// <param name="E">Energy, GeV.</param>
/// <param name="Px">x momentum, GeV.</param>
/// <param name="Py">y momentum, GeV.</param>
/// <param name="Pz">z momentum, GeV.</param>
public readonly record struct LorentzVector(double E, double Px, double Py, double Pz)
{
    /// <summary>|p|, GeV.</summary>
    public double P => Math.Sqrt(Px * Px + Py * Py + Pz * Pz);

    /// <summary>Invariant mass √(E² − p²), GeV (0 for a light-like vector; negative arguments from rounding give 0).</summary>
    public double Mass => Math.Sqrt(Math.Max(E * E - Px * Px - Py * Py - Pz * Pz, 0));

    /// <summary>Sum of two four-momenta.</summary>
    public static LorentzVector operator +(LorentzVector a, LorentzVector b) => new(a.E + b.E, a.Px + b.Px, a.Py + b.Py, a.Pz + b.Pz);

    /// <summary>Sum of two four-momenta (named alternative to the operator).</summary>
    public static LorentzVector Add(LorentzVector a, LorentzVector b) => a + b;

    /// <summary>This vector seen from a frame moving with velocity −β, i.e. a particle at rest in the frame of
    /// velocity β boosted to the frame where it moves with β (the general pure boost, e.g. Jackson eq. 11.19).</summary>
    public LorentzVector Boost(double bx, double by, double bz)
    {
        double b2 = bx * bx + by * by + bz * bz;
        if (b2 <= 0) return this;
        if (!(b2 < 1)) throw new ArgumentOutOfRangeException(nameof(bx), $"|β|² = {b2} must be below 1");
        double gamma = 1.0 / Math.Sqrt(1.0 - b2);
        double bp = bx * Px + by * Py + bz * Pz;
        // (γ − 1)/β² written as γ²/(γ + 1) keeps precision for β → 0 and β → 1.
        double g2 = gamma * gamma / (gamma + 1.0);
        double k = g2 * bp + gamma * E;
        return new LorentzVector(gamma * (E + bp), Px + k * bx, Py + k * by, Pz + k * bz);
    }

    /// <summary>Rotation that takes the z axis to the direction (θ, φ): v → R_z(φ) R_y(θ) v.</summary>
    public LorentzVector RotateZTo(double cosTheta, double sinTheta, double cosPhi, double sinPhi)
    {
        double x1 = cosTheta * Px + sinTheta * Pz;
        double z1 = -sinTheta * Px + cosTheta * Pz;
        return new LorentzVector(E, cosPhi * x1 - sinPhi * Py, sinPhi * x1 + cosPhi * Py, z1);
    }
}
