using Emiss.Core.Constants;

namespace Emiss.Backgrounds.Tests;

/// <summary>
/// Independent reference for K⁻ → π⁰e⁻ν̄ in flight: the V−A Dalitz density written out from the literature
/// (Chounet, Gaillard and Gaillard, Phys. Rep. 4 (1972) 199; m_e → 0: ρ ∝ f₊²(t)·(2E_eE_ν − M E′_π), with
/// f₊(t) = 1 + λ₊ t/m²_π⁺ and λ₊ = 0.0297, PDG K±_e3) integrated by the midpoint rule over the massless Dalitz
/// boundary, folded with the isotropic decay angle. Does not use the library's sampler or density.
/// </summary>
internal static class DecayKe3Reference
{
    private const double M = PhysicalConstants.ChargedKaonMassGeV, MPi = PhysicalConstants.NeutralPionMassGeV;

    /// <summary>P(E_ν,lab &gt; <paramref name="thresholdGeV"/>) for a K⁻ of momentum <paramref name="pGeV"/>.</summary>
    public static double ProbabilityNeutrinoAbove(double pGeV, double thresholdGeV, double lambdaPlus = 0.0297, int n = 600)
    {
        double eK = Math.Sqrt(pGeV * pGeV + M * M), gamma = eK / M, beta = pGeV / eK;
        double ePiMax = (M * M + MPi * MPi) / (2 * M), mpp2 = PhysicalConstants.ChargedPionMassGeV * PhysicalConstants.ChargedPionMassGeV;
        double num = 0, den = 0;
        for (int i = 0; i < n; i++)
        {
            double ePi = MPi + (ePiMax - MPi) * (i + 0.5) / n, pPi = Math.Sqrt(ePi * ePi - MPi * MPi);
            double t = M * M + MPi * MPi - 2 * M * ePi, f = 1 + lambdaPlus * t / mpp2;
            double lo = (M - ePi - pPi) / 2, hi = (M - ePi + pPi) / 2;
            for (int j = 0; j < n; j++)
            {
                double eE = lo + (hi - lo) * (j + 0.5) / n, eNu = M - ePi - eE;
                double w = Math.Max(0, f * f * (2 * eE * eNu - M * (ePiMax - ePi))) * (hi - lo);
                double c = (thresholdGeV / gamma - eNu) / (beta * eNu);
                den += w;
                num += w * Math.Clamp((1 - c) / 2, 0, 1);
            }
        }
        return num / den;
    }
}
