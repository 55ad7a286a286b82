using Emiss.Shower.Processes.PhotonData;

namespace Emiss.Shower.Processes.Photoelectric;

/// <summary>
/// Photoabsorption cross sections per element: xraylib's photoionisation cross sections (Scofield's subshell values,
/// all shells, with their K, L and M edges) for Z = 1–92 up to 800 keV, continued above with the energy dependence of Sauter's K-shell cross section
/// (<see cref="ElementPhotonTable"/>; docs/physics/photoelectric.md). Coherent scattering is a separate process
/// (<see cref="Rayleigh.RayleighProcess"/>), not part of these numbers.
/// </summary>
public static class PhotoelectricData
{
    /// <summary>Pb K-shell binding energy, GeV (88.0 keV; xraylib EdgeEnergy(82, K)).</summary>
    public const double LeadKEdgeGeV = 8.80045e-5;

    /// <summary>Per-atom photoabsorption cross section of element Z, cm².</summary>
    public static double CrossSectionCm2(int z, double kGeV) => PhotonDataLibrary.Element(z).PhotoabsorptionCm2(kGeV);
}
