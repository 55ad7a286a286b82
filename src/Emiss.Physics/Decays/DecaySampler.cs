using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Physics.Decays;

/// <summary>
/// Samples a decay: rest-frame momenta from the channel's kinematics (two-body p*, or the Dalitz density by rejection
/// on the (E₀, E₁) plane, where phase space is flat), an isotropic orientation (optionally biased towards large missing
/// energy, <see cref="MissingEnergyBias"/>), the boost to the lab, and π⁰ → γγ isotropic in the π⁰ rest frame
/// (BR 98.8 %; the Dalitz mode e⁺e⁻γ, 1.2 %, deposits the same electromagnetic energy and is folded into γγ).
/// docs/physics/decays-in-flight.md#kinematics.
/// </summary>
public static class DecaySampler
{
    /// <summary>Most products one decay yields (K⁻ → π⁻π⁰π⁰ with both π⁰ → γγ gives 5).</summary>
    public const int MaxProducts = 6;

    /// <summary>Unbiased decay of a parent with lab four-momentum <paramref name="parent"/> through <paramref name="channel"/>;
    /// writes the final-state particles (π⁰ already decayed) to <paramref name="output"/> and returns their number.</summary>
    public static int Decay(DecayChannel channel, LorentzVector parent, ref EventRng rng, Span<DecayProduct> output) =>
        Decay(channel, parent, MissingEnergyBias.None, ref rng, output, out _);

    /// <summary>Decay with the orientation drawn under <paramref name="bias"/>; <paramref name="weight"/> is the exact
    /// importance weight (true density / sampling density) of the drawn orientation.</summary>
    public static int Decay(DecayChannel channel, LorentzVector parent, MissingEnergyBias bias, ref EventRng rng, Span<DecayProduct> output, out double weight)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (output.Length < MaxProducts) throw new ArgumentException($"output needs room for {MaxProducts} products", nameof(output));
        double pParent = parent.P;
        if (!(parent.E > 0) || !(pParent < parent.E)) throw new ArgumentOutOfRangeException(nameof(parent), "parent must be time-like with E > 0");

        // Rest frame, canonical orientation: the reference daughter along +z.
        Span<LorentzVector> rest = stackalloc LorentzVector[3];
        int n = channel.Daughters.Length;
        int reference = ReferenceDaughter(channel);
        if (channel.Kinematics == DecayKinematics.TwoBody)
            TwoBodyRest(channel, reference, rest);
        else
            ThreeBodyRest(channel, reference, ref rng, rest);

        // Orientation: cosθ of the reference daughter to the boost axis (possibly biased), azimuth φ, roll ψ about it.
        double beta = pParent / parent.E, gamma = parent.E / parent.Mass;
        weight = 1.0;
        double c = 2 * rng.NextDouble() - 1;
        if (bias.Active && channel.NeutrinoCount > 0 && beta > 0)
            c = BiasedCosine(channel, rest[reference], parent.E, gamma, beta, bias, c, ref rng, out weight);
        double s = Math.Sqrt(Math.Max(0, 1 - c * c));
        double phi = 2 * Math.PI * rng.NextDouble(), psi = 2 * Math.PI * rng.NextDouble();
        (double sinPhi, double cosPhi) = Math.SinCos(phi);
        (double sinPsi, double cosPsi) = Math.SinCos(psi);

        // Parent direction in the lab.
        double ct = pParent > 0 ? parent.Pz / pParent : 1, st = Math.Sqrt(Math.Max(0, 1 - ct * ct));
        double rho = Math.Sqrt(parent.Px * parent.Px + parent.Py * parent.Py);
        double cp = rho > 0 ? parent.Px / rho : 1, sp = rho > 0 ? parent.Py / rho : 0;

        int count = 0;
        for (int i = 0; i < n; i++)
        {
            LorentzVector v = rest[i];
            v = new LorentzVector(v.E, cosPsi * v.Px - sinPsi * v.Py, sinPsi * v.Px + cosPsi * v.Py, v.Pz); // roll about the reference
            v = v.RotateZTo(c, s, cosPhi, sinPhi);                                                            // reference at (θ, φ)
            v = v.Boost(0, 0, beta);                                                                          // boost along z
            v = v.RotateZTo(ct, st, cp, sp);                                                                  // z → parent direction
            int pdg = channel.Daughters[i];
            if (pdg == DecayParticles.PionZero)
                count = PionZeroToPhotons(v, ref rng, output, count);
            else
                output[count++] = new DecayProduct(pdg, v);
        }
        return count;
    }

    /// <summary>The daughter whose lab energy sets the missing energy: the neutrino of a one-neutrino channel, the
    /// charged lepton of μ decay; daughter 0 otherwise.</summary>
    public static int ReferenceDaughter(DecayChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        for (int i = 0; i < channel.Daughters.Length; i++)
        {
            bool nu = DecayParticles.IsNeutrino(channel.Daughters[i]);
            if (channel.NeutrinoCount == 1 && nu) return i;
            if (channel.NeutrinoCount > 1 && !nu) return i;
        }
        return 0;
    }

    /// <summary>Draws c from g(c) = (1 − a)/2 + a·1_R(c)/|R| and returns the weight (1/2)/g(c); R is where the missing
    /// energy exceeds the threshold: E_ν,lab &gt; T (one neutrino) or E_ref,lab &lt; E_parent − T (two neutrinos).</summary>
    private static double BiasedCosine(DecayChannel channel, LorentzVector reference, double eParent, double gamma, double beta,
        MissingEnergyBias bias, double cUniform, ref EventRng rng, out double weight)
    {
        weight = 1.0;
        double eStar = reference.E, pStar = reference.P;
        if (!(pStar > 0)) return cUniform;
        bool above = channel.NeutrinoCount == 1;
        double eCut = above ? bias.ThresholdGeV : eParent - bias.ThresholdGeV;
        double cCut = (eCut / gamma - eStar) / (beta * pStar);
        double lo = above ? Math.Max(cCut, -1) : -1, hi = above ? 1 : Math.Min(cCut, 1);
        double width = hi - lo;
        if (!(width > 0) || width >= 2) return cUniform; // region empty or everything: no bias possible
        double a = bias.Mixture;
        double c = rng.NextDouble() < a ? lo + width * rng.NextDouble() : cUniform;
        bool inside = c >= lo && c <= hi;
        weight = 0.5 / ((1 - a) * 0.5 + (inside ? a / width : 0));
        return c;
    }

    private static void TwoBodyRest(DecayChannel ch, int reference, Span<LorentzVector> rest)
    {
        double p = ch.TwoBodyMomentumGeV;
        double m0 = ch.DaughterMassesGeV[0], m1 = ch.DaughterMassesGeV[1];
        double sign0 = reference == 0 ? 1 : -1;
        rest[0] = new LorentzVector(Math.Sqrt(p * p + m0 * m0), 0, 0, sign0 * p);
        rest[1] = new LorentzVector(Math.Sqrt(p * p + m1 * m1), 0, 0, -sign0 * p);
    }

    private static void ThreeBodyRest(DecayChannel ch, int reference, ref EventRng rng, Span<LorentzVector> rest)
    {
        var ms = ch.DaughterMassesGeV;
        double lo0 = ms[0], hi0 = ch.MaxEnergy(0), lo1 = ms[1], hi1 = ch.MaxEnergy(1);
        double e0, e1;
        for (int tries = 0; ; tries++)
        {
            if (tries == LoopBound.SamplerTries)
                throw LoopBound.Exceeded("Dalitz-plot sampling", tries, in rng, ch.Name);
            e0 = lo0 + (hi0 - lo0) * rng.NextDouble();
            e1 = lo1 + (hi1 - lo1) * rng.NextDouble();
            double u = rng.NextDouble();
            if (!ch.InsideDalitz(e0, e1)) continue;
            double d = ch.Density(e0, e1);
            if (d > ch.DensityMaximum)
                throw new EmissInternalException($"internal error: {ch.Name} Dalitz density {d} exceeds its bound {ch.DensityMaximum} at ({e0}, {e1}) GeV");
            if (u * ch.DensityMaximum <= d) break;
        }
        Span<double> e = [e0, e1, ch.ParentMassGeV - e0 - e1];
        Span<double> p = stackalloc double[3];
        for (int i = 0; i < 3; i++) p[i] = Math.Sqrt(Math.Max(e[i] * e[i] - ms[i] * ms[i], 0));
        int j = reference == 0 ? 1 : 0;
        int k = 3 - reference - j;
        // Reference along +z, daughter j in the xz plane at the angle that closes the momentum triangle, k balances.
        double cosRj = p[reference] > 0 && p[j] > 0
            ? Math.Clamp((p[k] * p[k] - p[reference] * p[reference] - p[j] * p[j]) / (2 * p[reference] * p[j]), -1, 1)
            : 1;
        double sinRj = Math.Sqrt(1 - cosRj * cosRj);
        rest[reference] = new LorentzVector(e[reference], 0, 0, p[reference]);
        rest[j] = new LorentzVector(e[j], p[j] * sinRj, 0, p[j] * cosRj);
        rest[k] = new LorentzVector(e[k], -p[j] * sinRj, 0, -p[reference] - p[j] * cosRj);
    }

    private static int PionZeroToPhotons(LorentzVector pi0, ref EventRng rng, Span<DecayProduct> output, int count)
    {
        double half = 0.5 * DecayParticles.MassGeV(DecayParticles.PionZero);
        double c = 2 * rng.NextDouble() - 1, s = Math.Sqrt(Math.Max(0, 1 - c * c));
        (double sinPhi, double cosPhi) = Math.SinCos(2 * Math.PI * rng.NextDouble());
        double bx = pi0.Px / pi0.E, by = pi0.Py / pi0.E, bz = pi0.Pz / pi0.E;
        var g1 = new LorentzVector(half, half * s * cosPhi, half * s * sinPhi, half * c);
        var g2 = new LorentzVector(half, -g1.Px, -g1.Py, -g1.Pz);
        output[count++] = new DecayProduct(DecayParticles.Photon, g1.Boost(bx, by, bz));
        output[count++] = new DecayProduct(DecayParticles.Photon, g2.Boost(bx, by, bz));
        return count;
    }
}
