using System.Collections.Concurrent;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// In-memory memo of ETL spectra keyed by (element, form factors, lepton energy and mass, boson mass, x_min, grid,
/// mediator). One instance may be shared by the exact models and the axial corrected-IWW model (which reuses the
/// vector's passes), so a mass scan costs one 3-D pass per (element, E, m, exact mediator). Thread-safe; each
/// spectrum is computed once (Lazy, ExecutionAndPublication).
/// </summary>
public sealed class EtlSpectrumCache
{
    private readonly ConcurrentDictionary<Key, Lazy<EtlSpectrum>> _spectra = new();

    /// <summary>Number of spectra held.</summary>
    public int Count => _spectra.Count;

    /// <summary>Returns the cached spectrum or computes it with <paramref name="calculator"/>.</summary>
    public EtlSpectrum GetOrCompute(EtlCalculator calculator, TsaiFormFactor ff, double leptonGeV, double massGeV, double xMin)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var key = new Key(ff, leptonGeV, massGeV, xMin, calculator.Grid, calculator.LeptonMassGeV, calculator.Mediator);
        return _spectra.GetOrAdd(key, k => new Lazy<EtlSpectrum>(
            () => calculator.Spectrum(k.FormFactor, k.LeptonGeV, k.MassGeV, k.XMin),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private readonly record struct Key(TsaiFormFactor FormFactor, double LeptonGeV, double MassGeV, double XMin, EtlGrid Grid, double LeptonMassGeV, Mediator Mediator);
}
