using Emiss.Core.Constants;
using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.PhotonData;

/// <summary>
/// Atomic form factor F(x, Z) of one element (xraylib FF_Rayl, x = sin(θ/2)/λ in Å⁻¹) and the Rayleigh angle sampled
/// from it. dσ/dΩ = r_e² (1 + cos²θ)/2 · F²(x, Z) (Hubbell et al., J. Phys. Chem. Ref. Data 4, 471 (1975)); with
/// u = x² = (1 − cosθ)/(2λ²) this is dσ ∝ (1 + cos²θ)/2 · F²(√u) du, so u is drawn from the cumulative of F² on
/// [0, 1/λ²] and accepted with probability (1 + cos²θ)/2 ≥ 1/2 (the method of PENELOPE, Salvat et al., NEA 2015 §2.1).
/// </summary>
public sealed class RayleighFormFactor
{
    private const int FinePoints = 480;
    private const double XMinPerAngstrom = 1e-3, XMaxPerAngstrom = 1e3;
    /// <summary>hc in GeV·Å (2π ħc, 1 cm = 10⁸ Å): λ[Å] = hc / k.</summary>
    private const double HcGeVAngstrom = 2.0 * Math.PI * PhysicalConstants.HbarCGeVCm * 1e8;

    private readonly double[] _lnX, _lnF;
    private readonly double[] _u, _cumulative;

    internal RayleighFormFactor(int z, List<double[]> rows)
    {
        Z = z;
        // Row 0 is x = 0 (F = Z); the rest are log-spaced and interpolated log–log.
        _lnX = [.. rows.Skip(1).Select(r => Math.Log(r[0]))];
        _lnF = [.. rows.Skip(1).Select(r => Math.Log(Math.Max(r[1], 1e-30)))];
        _u = new double[FinePoints + 1];
        _cumulative = new double[FinePoints + 1];
        double step = Math.Log(XMaxPerAngstrom / XMinPerAngstrom) / (FinePoints - 1);
        double prevF2 = (double)z * z;
        for (int i = 1; i <= FinePoints; i++)
        {
            double x = XMinPerAngstrom * Math.Exp((i - 1) * step);
            double f = F(x);
            _u[i] = x * x;
            _cumulative[i] = _cumulative[i - 1] + 0.5 * (prevF2 + f * f) * (_u[i] - _u[i - 1]);
            prevF2 = f * f;
        }
    }

    /// <summary>Atomic number.</summary>
    public int Z { get; }

    /// <summary>F(x, Z), electrons; Z at x → 0.</summary>
    public double F(double xPerAngstrom)
    {
        if (xPerAngstrom <= Math.Exp(_lnX[0])) return Z;
        double lnX = Math.Log(xPerAngstrom);
        int i = 0;
        if (lnX >= _lnX[^1]) i = _lnX.Length - 2;
        else while (_lnX[i + 1] < lnX) i++;
        double slope = (_lnF[i + 1] - _lnF[i]) / (_lnX[i + 1] - _lnX[i]);
        return Math.Min(Z, Math.Exp(_lnF[i] + slope * (lnX - _lnX[i])));
    }

    /// <summary>x = sin(θ/2)/λ, Å⁻¹, for a photon of energy <paramref name="kGeV"/> scattered by θ.</summary>
    public static double MomentumTransferPerAngstrom(double kGeV, double cosTheta) =>
        Math.Sqrt(0.5 * (1.0 - cosTheta)) * kGeV / HcGeVAngstrom;

    /// <summary>Samples cosθ of a Rayleigh scattering of a photon of energy <paramref name="kGeV"/>.</summary>
    public double SampleCosTheta(double kGeV, ref EventRng rng)
    {
        double invLambda = kGeV / HcGeVAngstrom;
        double uMax = invLambda * invLambda;
        double cMax = CumulativeAt(uMax);
        for (int tries = 0; tries < LoopBound.SamplerTries; tries++)
        {
            double u = InverseCumulative(rng.NextDouble() * cMax);
            double cosT = Math.Clamp(1.0 - 2.0 * u / uMax, -1.0, 1.0);
            if (2.0 * rng.NextDouble() <= 1.0 + cosT * cosT) return cosT;
        }
        throw LoopBound.Exceeded("Rayleigh angle sampling", LoopBound.SamplerTries, rng, $"k = {kGeV} GeV, Z = {Z}");
    }

    private double CumulativeAt(double u)
    {
        if (u >= _u[^1]) return _cumulative[^1];
        int i = Search(_u, u);
        return _cumulative[i] + (_cumulative[i + 1] - _cumulative[i]) * (u - _u[i]) / (_u[i + 1] - _u[i]);
    }

    private double InverseCumulative(double c)
    {
        int i = Search(_cumulative, c);
        double width = _cumulative[i + 1] - _cumulative[i];
        return width > 0 ? _u[i] + (_u[i + 1] - _u[i]) * (c - _cumulative[i]) / width : _u[i];
    }

    private static int Search(double[] ascending, double v)
    {
        int lo = 0, hi = ascending.Length - 1;
        if (v >= ascending[hi]) return hi - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (ascending[mid] <= v) lo = mid; else hi = mid;
        }
        return lo;
    }
}
