using System.Numerics;
using Emiss.Core.Constants;
using Emiss.Physics.DarkProduction;
using Xunit;

namespace Emiss.Physics.Tests.Validation;

/// <summary>
/// The ETL amplitude's φ_q-dependence (docs/physics/dark-production-etl.md#spin-0-amplitudes, #axial-vector-amplitude) against the squared amplitude
/// computed another way: explicit Dirac matrices for the two diagrams of e(p) N(P) → e(p′) N(P′) X(k) at four-momenta built
/// in the laboratory (nucleus at rest, q = P − P′ fixed by t and energy conservation at an arbitrary azimuth), spins summed
/// as a trace. For the vector the polarisation sum is −g (the kᵃkᵇ/m² part vanishes: the current is conserved), for the
/// axial vector −g + kᵃkᵇ/m². The engine's Laurent form Φ(s̃) must equal half that trace at every point, for the vector
/// (whose coefficients are those of Liu, Morrissey, Yu / PETITE) as for the scalar, the pseudoscalar and the axial vector.
/// </summary>
public sealed class EtlAmplitudeTests
{
    // The test builds the four-vectors in plain double precision, so it stays at moderate energies and angles, where the
    // invariants it forms from them keep their digits (the engine's own kinematics avoid the cancellations).
    public static TheoryData<Mediator, double, double, double, double, double, double, double> Points() => new()
    {
        // mediator, E (GeV), m_l, m, M, x, y = 1 − cosθ, φ_q
        { Mediator.Vector, 2.0, PhysicalConstants.ElectronMassGeV, 0.02, 193.0, 0.556, 3e-5, 0.7 },
        { Mediator.Vector, 20.0, PhysicalConstants.ElectronMassGeV, 0.1, 193.7, 0.8, 2e-5, 2.1 },
        { Mediator.Vector, 10.0, 0.1056583755, 0.3, 50.0, 0.6, 1e-3, 4.0 },
        { Mediator.Scalar, 2.0, PhysicalConstants.ElectronMassGeV, 0.02, 193.0, 0.556, 3e-5, 0.7 },
        { Mediator.Scalar, 5.0, PhysicalConstants.ElectronMassGeV, 0.005, 193.7, 0.3, 1e-5, 5.5 },
        { Mediator.Scalar, 1.0, PhysicalConstants.ElectronMassGeV, 0.0005, 10.0, 0.9, 1e-4, 1.0 },   // m < 2m_e: ν < 0
        { Mediator.Scalar, 10.0, 0.1056583755, 0.3, 50.0, 0.6, 1e-3, 4.0 },
        { Mediator.Pseudoscalar, 2.0, PhysicalConstants.ElectronMassGeV, 0.02, 193.0, 0.556, 3e-5, 0.7 },
        { Mediator.Pseudoscalar, 5.0, PhysicalConstants.ElectronMassGeV, 0.005, 193.7, 0.3, 1e-5, 5.5 },
        { Mediator.Pseudoscalar, 10.0, 0.1056583755, 0.3, 0.938, 0.6, 1e-3, 4.0 },
        { Mediator.AxialVector, 2.0, PhysicalConstants.ElectronMassGeV, 0.02, 193.0, 0.556, 3e-5, 0.7 },
        { Mediator.AxialVector, 5.0, PhysicalConstants.ElectronMassGeV, 0.005, 193.7, 0.3, 1e-5, 5.5 },
        { Mediator.AxialVector, 1.0, PhysicalConstants.ElectronMassGeV, 0.0003, 10.0, 0.9, 1e-4, 1.0 },   // m < m_e: the longitudinal part dominates
        { Mediator.AxialVector, 10.0, 0.1056583755, 0.3, 50.0, 0.6, 1e-3, 4.0 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Laurent_form_equals_the_explicit_dirac_trace(Mediator mediator, double e, double ml, double m, double bigM, double x, double y, double phi)
    {
        int checkedPoints = 0;
        foreach (double tFraction in new[] { 0.05, 0.3, 0.7 })
        {
            if (!TryPoint(e, ml, m, bigM, x, y, tFraction, phi, out Kinematics k)) continue;
            double trace = DiracTrace(mediator, k, ml);
            double s = Dot(Add(k.PPrime, k.K), Add(k.PPrime, k.K)) - ml * ml;
            double u = Dot(Sub(k.P, k.K), Sub(k.P, k.K)) - ml * ml;
            var c = EtlAmplitude.For(mediator, e, ml, m, bigM, 1.0 - x, u);
            double engine = 16.0 * bigM * bigM * c.PhiOver8M2(k.T, s);
            // 1e-4: the squared amplitude is a small difference of terms ∝ M²E² formed here from double-precision four-vectors
            // (a wrong coefficient shows at the per-cent level or more).
            Assert.True(Math.Abs(engine / trace - 1.0) < 1e-4,
                $"{mediator}: Φ(s̃)·16M² = {engine:R} against the Dirac trace {trace:R} (t = {k.T:R}, s̃ = {s:R}, ũ = {u:R})");
            checkedPoints++;
        }
        Assert.True(checkedPoints >= 2, $"only {checkedPoints} physical t values at this point");
    }

    private readonly record struct Kinematics(double[] P, double[] K, double[] Q, double[] PPrime, double[] Nucleus, double T);

    /// <summary>Four-vectors (E, px, py, pz): p along z, k at polar angle θ in the x–z plane, q⃗ at the polar angle that energy
    /// conservation fixes about V⃗ = p⃗ − k⃗ and azimuth φ; t a fraction of the way through its physical range.</summary>
    private static bool TryPoint(double e, double ml, double m, double bigM, double x, double y, double tFraction, double phi, out Kinematics k)
    {
        k = default;
        double p = Math.Sqrt(e * e - ml * ml), xe = x * e, kk = Math.Sqrt(xe * xe - m * m);
        double ct = 1 - y, st = Math.Sqrt(y * (2 - y));
        double[] pv = [e, 0, 0, p], kv = [xe, kk * st, 0, kk * ct];
        double vx = -kk * st, vz = p - kk * ct, vn = Math.Sqrt(vx * vx + vz * vz);
        // The physical t range at this (x, θ): scan ln t for |cos θ_q| ≤ 1, then pick a point inside.
        var inside = new List<double>();
        for (double lt = -30; lt < 2; lt += 0.01)
            if (CosThetaQ(Math.Exp(lt)) is { } c && Math.Abs(c) < 1) inside.Add(lt);
        if (inside.Count < 3) return false;
        double t = Math.Exp(inside[0] + tFraction * (inside[^1] - inside[0]));
        if (CosThetaQ(t) is not { } cq || Math.Abs(cq) >= 1) return false;
        double q0 = -t / (2 * bigM), qm = Math.Sqrt(t + t * t / (4 * bigM * bigM));
        double[] eV = [vx / vn, 0, vz / vn], e1 = [eV[2], 0, -eV[0]], e2 = [0, 1, 0];
        double sq = Math.Sqrt(1 - cq * cq);
        double[] qv = [q0, 0, 0, 0];
        for (int i = 0; i < 3; i++) qv[i + 1] = qm * (cq * eV[i] + sq * (Math.Cos(phi) * e1[i] + Math.Sin(phi) * e2[i]));
        double[] pPrime = Sub(Add(pv, qv), kv);
        k = new Kinematics(pv, kv, qv, pPrime, [bigM, 0, 0, 0], t);
        return Math.Abs(Dot(pPrime, pPrime) / (ml * ml) - 1) < 1e-6;

        double? CosThetaQ(double tt)
        {
            double q0t = -tt / (2 * bigM), qmt = Math.Sqrt(tt + tt * tt / (4 * bigM * bigM));
            double pp0 = e + q0t - xe;   // p′ = p + q − k must be on shell: p′₀² − |V⃗ + q⃗|² = m_l²
            return (pp0 * pp0 - ml * ml - vn * vn - qmt * qmt) / (2 * vn * qmt);
        }
    }

    /// <summary>Σ_spins |ū(p′) O u(p)|² contracted with the nucleus current P + P′ (and, for the vector, −g over the polarisations).</summary>
    private static double DiracTrace(Mediator mediator, Kinematics k, double ml)
    {
        double[] pc = Sub(Scale(2, k.Nucleus), k.Q);          // P + P′ = 2P − q
        double s = Dot(Add(k.PPrime, k.K), Add(k.PPrime, k.K)) - ml * ml;
        double u = Dot(Sub(k.P, k.K), Sub(k.P, k.K)) - ml * ml;
        Complex[,] left = Plus(Slash(k.PPrime), Identity(ml)), right = Plus(Slash(k.P), Identity(ml));
        Complex[,] propU = Plus(Slash(Sub(k.P, k.K)), Identity(ml)), propS = Plus(Slash(Add(k.PPrime, k.K)), Identity(ml));
        Complex[,] nucleus = Slash(pc);
        double m2 = Dot(k.K, k.K);
        IEnumerable<(double Sign, Complex[,] Vertex)> vertices = mediator switch
        {
            Mediator.Vector => Enumerable.Range(0, 4).Select(a => (-Metric[a], Gamma[a])),
            Mediator.Scalar => [(1.0, Identity(1))],
            Mediator.Pseudoscalar => [(1.0, Times(Complex.ImaginaryOne, Gamma5))],
            // −g^{αβ} + k^α k^β/m²: the axial current is not conserved, so the longitudinal part stays.
            _ => Enumerable.Range(0, 4).Select(a => (-Metric[a], Mul(Gamma[a], Gamma5))).Append((1.0 / m2, Mul(Slash(k.K), Gamma5))),
        };
        double sum = 0;
        foreach ((double sign, Complex[,] g) in vertices)
        {
            // Emission before (propagator p − k) and after (p′ + k) the photon exchange.
            Complex[,] o = Plus(Times(1 / u, Mul(Mul(nucleus, propU), g)), Times(1 / s, Mul(Mul(g, propS), nucleus)));
            sum += sign * Trace(Mul(Mul(Mul(left, o), right), Bar(o))).Real;
        }
        return sum;
    }

    private static readonly double[] Metric = [1, -1, -1, -1];
    private static readonly Complex[][,] Gamma = BuildGammas();
    private static readonly Complex[,] Gamma5 = Times(Complex.ImaginaryOne, Mul(Mul(Gamma[0], Gamma[1]), Mul(Gamma[2], Gamma[3])));

    private static Complex[][,] BuildGammas()
    {
        // Dirac representation: γ⁰ = diag(1, 1, −1, −1), γⁱ = [[0, σⁱ], [−σⁱ, 0]].
        Complex i = Complex.ImaginaryOne;
        Complex[][,] sigma = [new Complex[,] { { 0, 1 }, { 1, 0 } }, new Complex[,] { { 0, -i }, { i, 0 } }, new Complex[,] { { 1, 0 }, { 0, -1 } }];
        var g = new Complex[4][,];
        g[0] = new Complex[4, 4];
        for (int a = 0; a < 4; a++) g[0][a, a] = a < 2 ? 1 : -1;
        for (int n = 0; n < 3; n++)
        {
            g[n + 1] = new Complex[4, 4];
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                {
                    g[n + 1][a, 2 + b] = sigma[n][a, b];
                    g[n + 1][2 + a, b] = -sigma[n][a, b];
                }
        }
        return g;
    }

    private static Complex[,] Slash(double[] v)
    {
        var r = new Complex[4, 4];
        for (int mu = 0; mu < 4; mu++) r = Plus(r, Times(Metric[mu] * v[mu], Gamma[mu]));
        return r;
    }

    private static Complex[,] Identity(double c)
    {
        var r = new Complex[4, 4];
        for (int a = 0; a < 4; a++) r[a, a] = c;
        return r;
    }

    private static Complex[,] Mul(Complex[,] a, Complex[,] b)
    {
        var r = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                for (int n = 0; n < 4; n++) r[i, j] += a[i, n] * b[n, j];
        return r;
    }

    private static Complex[,] Plus(Complex[,] a, Complex[,] b)
    {
        var r = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) r[i, j] = a[i, j] + b[i, j];
        return r;
    }

    private static Complex[,] Times(Complex c, Complex[,] a)
    {
        var r = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) r[i, j] = c * a[i, j];
        return r;
    }

    /// <summary>γ⁰ A† γ⁰.</summary>
    private static Complex[,] Bar(Complex[,] a)
    {
        var dagger = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) dagger[i, j] = Complex.Conjugate(a[j, i]);
        return Mul(Mul(Gamma[0], dagger), Gamma[0]);
    }

    private static Complex Trace(Complex[,] a) => a[0, 0] + a[1, 1] + a[2, 2] + a[3, 3];

    private static double Dot(double[] a, double[] b) => a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];

    private static double[] Add(double[] a, double[] b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];

    private static double[] Sub(double[] a, double[] b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]];

    private static double[] Scale(double c, double[] a) => [c * a[0], c * a[1], c * a[2], c * a[3]];
}
