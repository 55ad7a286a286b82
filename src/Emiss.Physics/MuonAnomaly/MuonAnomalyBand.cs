namespace Emiss.Physics.MuonAnomaly;

/// <summary>
/// The couplings that explain Δa_μ at one mass: ε(Δa_μ − 2σ) ≤ ε(Δa_μ) ≤ ε(Δa_μ + 2σ). When the lower
/// edge Δa_μ − 2σ is ≤ 0 the band reaches ε = 0 and <see cref="Lower"/> is 0.
/// </summary>
/// <param name="MassGeV">Boson mass, GeV.</param>
/// <param name="Lower">ε at Δa_μ − 2σ.</param>
/// <param name="Central">ε at Δa_μ (NaN if Δa_μ ≤ 0).</param>
/// <param name="Upper">ε at Δa_μ + 2σ.</param>
public sealed record MuonAnomalyBand(double MassGeV, double Lower, double Central, double Upper);
