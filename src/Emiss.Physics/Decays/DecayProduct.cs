namespace Emiss.Physics.Decays;

/// <summary>One final-state particle of a decay: PDG Monte Carlo code and lab four-momentum.</summary>
/// <param name="Pdg">PDG code (11 e⁻, −12 ν̄_e, 13 μ⁻, −14 ν̄_μ, 14 ν_μ, 22 γ, ±211 π±).</param>
/// <param name="P">Lab four-momentum, GeV.</param>
public readonly record struct DecayProduct(int Pdg, LorentzVector P);
