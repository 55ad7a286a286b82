using Emiss.Core.Numerics;

namespace Emiss.Physics.FormFactors;

/// <summary>
/// The effective photon flux χ = ∫_{t_min}^{t_max} dt (t − t_min)/t² G₂(t) (Tsai RMP 46, 815, Eq. 3.49;
/// BEST Eq. A15; docs/physics/form-factors.md#effective-photon-flux). t in GeV²; χ is dimensionless.
/// </summary>
public static class PhotonFlux
{
    /// <summary>Default number of 16-point Gauss–Legendre panels in ln t for <see cref="Quadrature"/>.</summary>
    public const int DefaultPanels = 24;

    /// <summary>IWW range: t_min = m⁴/(4E0²), t_max = m² (BEST; docs/physics/form-factors.md#effective-photon-flux). Masses and energies in GeV.</summary>
    public static (double TMin, double TMax) IwwRange(double massGeV, double leptonGeV)
    {
        double m2 = massGeV * massGeV;
        return (m2 * m2 / (4.0 * leptonGeV * leptonGeV), m2);
    }

    /// <summary>
    /// χ in the IWW range with the form factors of <paramref name="ff"/>: elastic part in closed form,
    /// inelastic part (when included) by 128-point log-t quadrature (agrees with <see cref="Quadrature"/> to &lt; 1e-7).
    /// </summary>
    public static double Iww(in TsaiFormFactor ff, double massGeV, double leptonGeV)
    {
        (double tMin, double tMax) = IwwRange(massGeV, leptonGeV);
        return Mixed(ff, tMin, tMax, 8);
    }

    /// <summary>
    /// Closed-form elastic χ (docs/physics/form-factors.md#effective-photon-flux, t_a = 1/a², t_d = d):
    /// χ_el = Z² t_d²/(t_d − t_a)³ {(t_a − t_d)(t_a + t_d + 2t_max)(t_max − t_min)/[(t_a + t_max)(t_d + t_max)]
    ///        + (t_a + t_d + 2t_min) ln[(t_a + t_max)(t_d + t_min)/((t_d + t_max)(t_a + t_min))]}.
    /// Accurate while t_a ≪ t_d (always true for atoms: t_a/t_d ≲ 1e-3), which avoids the removable
    /// singularity at t_a = t_d.
    /// </summary>
    public static double ElasticClosedForm(in TsaiFormFactor ff, double tMin, double tMax)
    {
        if (!(tMax > tMin)) return 0.0;
        double ta = ff.ScreeningT, td = ff.NuclearT, z2 = (double)ff.Z * ff.Z;
        double pre = z2 * td * td / ((td - ta) * (td - ta) * (td - ta));
        double first = (ta - td) * (ta + td + 2 * tMax) * (tMax - tMin) / ((ta + tMax) * (td + tMax));
        // ln of the ratio written as a sum of log1p terms to keep precision when t_min ≪ t_a.
        double log = Math.Log((ta + tMax) / (td + tMax)) + Math.Log((td + tMin) / (ta + tMin));
        return pre * (first + (ta + td + 2 * tMin) * log);
    }

    /// <summary>
    /// χ by Gauss–Legendre quadrature in ln t, χ = ∫ d ln t (t − t_min)/t · G₂(t), with
    /// <paramref name="panels"/> panels of 16 points. Used for el+inel and to check the closed form.
    /// </summary>
    public static double Quadrature(in TsaiFormFactor ff, double tMin, double tMax, int panels = DefaultPanels)
    {
        if (!(tMax > tMin)) return 0.0;
        var f = new FluxIntegrand(ff, tMin);
        // Start just above t_min: the integrand vanishes linearly there, so the log variable needs
        // no special treatment; the lower limit t_min itself is exact (ln t_min finite).
        return GaussLegendre.Integrate(f, Math.Log(tMin), Math.Log(tMax), panels);
    }

    /// <summary>
    /// χ with the elastic part in closed form and the inelastic part (when included) by quadrature with
    /// <paramref name="inelasticPanels"/> panels: the fast form used inside the WW angular integral.
    /// </summary>
    public static double Mixed(in TsaiFormFactor ff, double tMin, double tMax, int inelasticPanels)
    {
        if (!(tMax > tMin)) return 0.0;
        double chi = ElasticClosedForm(ff, tMin, tMax);
        if (ff.IncludesInelastic)
            chi += GaussLegendre.Integrate(new InelasticIntegrand(ff, tMin), Math.Log(tMin), Math.Log(tMax), inelasticPanels);
        return chi;
    }

    private readonly struct InelasticIntegrand(TsaiFormFactor ff, double tMin) : IIntegrand
    {
        private readonly TsaiFormFactor _ff = ff;
        private readonly double _tMin = tMin;

        public double Evaluate(double lnT)
        {
            double t = Math.Exp(lnT);
            return (t - _tMin) / t * _ff.Inelastic(t);
        }
    }

    private readonly struct FluxIntegrand(TsaiFormFactor ff, double tMin) : IIntegrand
    {
        private readonly TsaiFormFactor _ff = ff;
        private readonly double _tMin = tMin;

        public double Evaluate(double lnT)
        {
            double t = Math.Exp(lnT);
            return (t - _tMin) / t * _ff.G2(t);
        }
    }
}
