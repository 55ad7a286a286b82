using Emiss.Core.Random;
using Emiss.Core.Scattering;
using Emiss.Detector.Beam;

namespace Emiss.Detector.BeamLine;

public sealed partial class BeamLineTransport
{
    /// <summary>Multiple scattering and, for e±, bremsstrahlung in material plane <paramref name="i"/>; photons are pushed
    /// on the secondary stack with the electron's direction (angles ~ m_e/E).</summary>
    private void Material(int i, ref Track t, bool primary, Forcing forcing, ref Scratch s, ref EventRng rng, BeamLineRecord rec)
    {
        double xOverX0 = _planes[i].XOverX0;
        if (xOverX0 <= 0 || ParticleProperties.Charge(t.Kind) == 0) return;
        double m = ParticleProperties.MassGeV(t.Kind);
        double p = Math.Sqrt(Math.Max(t.E * t.E - m * m, 1e-12));
        double beta = p / t.E;
        double theta0 = Highland.Theta0Rad(beta * p, beta * beta, xOverX0);
        t.Tx += theta0 * rng.NextGaussian();
        t.Ty += theta0 * rng.NextGaussian();
        if (t.Kind is not (DetectorSpecies.Electron or DetectorSpecies.Positron)) return;

        if (!primary || forcing.Plane < 0 || i > forcing.Plane)
        {
            Radiate(i, ref t, primary, xOverX0 * _bremMeanPerX0, BremYMin, 1.0, ref s, ref rng, rec);
            return;
        }
        // Conditioned primary: only soft photons before the forced plane; in it, soft ones and k ≥ 1 hard ones.
        double yh = forcing.YHard;
        Radiate(i, ref t, true, xOverX0 * ThinTargetBremsstrahlung.PhotonsPerX0(BremYMin, yh), BremYMin, yh, ref s, ref rng, rec);
        if (i < forcing.Plane) return;
        int hard = ThinTargetBremsstrahlung.ZeroTruncatedPoisson(xOverX0 * ThinTargetBremsstrahlung.PhotonsPerX0(yh, 1.0), ref rng);
        for (int k = 0; k < hard; k++)
        {
            double yMax = 1.0 - m / t.E;
            double y;
            if (k == 0 && forcing.Bias is { } bias)
                s.Weight *= bias.Sample(yh, yMax, ref rng, out y);
            else if (!ThinTargetBremsstrahlung.TrySample(yh, 1.0, yMax, ref rng, out y))
                break;
            Emit(i, ref t, true, y, ref s, rec);
        }
    }

    private void Radiate(int i, ref Track t, bool primary, double mean, double a, double b, ref Scratch s, ref EventRng rng, BeamLineRecord rec)
    {
        int n = rng.NextPoisson(mean);
        for (int k = 0; k < n; k++)
        {
            // The photon takes at most the kinetic energy: y ≤ 1 − m/E (see ThinTargetBremsstrahlung.TrySample).
            double yMax = 1.0 - ParticleProperties.MassGeV(t.Kind) / t.E;
            if (!ThinTargetBremsstrahlung.TrySample(a, b, yMax, ref rng, out double y)) break;
            Emit(i, ref t, primary, y, ref s, rec);
        }
    }

    private void Emit(int i, ref Track t, bool primary, double y, ref Scratch s, BeamLineRecord rec)
    {
        double k0 = y * t.E;
        t.E -= k0;
        if (primary) rec.UpstreamBremGeV += k0;
        if (s.Count == s.Stack.Length) return; // further photons are dropped (energy bookkeeping only)
        s.Stack[s.Count++] = new Track { Kind = DetectorSpecies.Photon, E = k0, X = t.X, Y = t.Y, Tx = t.Tx, Ty = t.Ty, Z = _planes[i].Z, Next = i + 1 };
    }

    /// <summary>A photon flies straight; it converts in the first plane where the accumulated x/X0 passes an exponential
    /// depth of mean 9/7 X0, and the e⁺e⁻ pair continues from there with the photon's direction.</summary>
    private void Photon(ref Track t, ref Scratch s, ref EventRng rng, BeamLineRecord rec)
    {
        const double me = 0.51099895e-3;
        double depth = rng.NextExponential() / ThinTargetBremsstrahlung.PairPerX0, acc = 0;
        for (int i = t.Next; i < _planes.Length; i++)
        {
            acc += _planes[i].XOverX0;
            if (acc < depth || t.E <= 2 * me) continue;
            double z = _planes[i].Z;
            double x = t.X + t.Tx * (z - t.Z), y = t.Y + t.Ty * (z - t.Z);
            double f = ThinTargetBremsstrahlung.SamplePairFraction(t.E, me, ref rng);
            if (s.Count + 2 > s.Stack.Length) return; // pair dropped with the photon (energy bookkeeping only)
            s.Stack[s.Count++] = new Track { Kind = DetectorSpecies.Positron, E = f * t.E, X = x, Y = y, Tx = t.Tx, Ty = t.Ty, Z = z, Next = i + 1 };
            s.Stack[s.Count++] = new Track { Kind = DetectorSpecies.Electron, E = (1 - f) * t.E, X = x, Y = y, Tx = t.Tx, Ty = t.Ty, Z = z, Next = i + 1 };
            return;
        }
        rec.AddArrival(DetectorSpecies.Photon, t.E, t.X + t.Tx * (0 - t.Z) - _nominalXAtEcal, t.Y + t.Ty * (0 - t.Z));
    }
}
