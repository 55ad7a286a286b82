using Emiss.Core.Materials;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// A production model whose spectrum comes from one memoised exact-tree-level pass per (element, lepton energy, mass):
/// dσ/dx on nodes log-spaced in 1 − x (<see cref="EtlSpectrum"/>). Consumers that tabulate the spectrum (the signal
/// tables' inverse CDFs) read these nodes instead of calling <see cref="IDarkProductionModel.DifferentialCrossSectionCm2"/>
/// per x, which would redo a two-dimensional integral at every point.
/// </summary>
public interface IEtlSpectrumSource
{
    /// <summary>The ε = 1 spectrum dσ/dx for x ≥ max(<paramref name="xMin"/>, m/E), GeV⁻².</summary>
    EtlSpectrum Spectrum(ElementComponent target, double leptonGeV, double massGeV, double xMin);
}
