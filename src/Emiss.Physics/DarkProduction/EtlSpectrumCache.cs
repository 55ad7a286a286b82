using System.Collections.Concurrent;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// In-memory memo of ETL spectra keyed by (element, form factors, lepton energy and mass, boson mass, x_min, grid,
/// mediator). One instance may be shared by several models: the corrected-IWW comparison model reuses the vector's
/// passes, and the mediators named at construction are computed together, in one 3-D pass (<see cref="EtlCalculator.Spectra"/>),
/// whenever any of them is asked for — a scan over all four mediators then costs little more than one. Thread-safe;
/// each spectrum is computed once (Lazy, ExecutionAndPublication).
/// </summary>
public sealed class EtlSpectrumCache
{
    private readonly ConcurrentDictionary<Key, Lazy<EtlSpectrum>> _spectra = new();
    private readonly ConcurrentDictionary<Key, Lazy<EtlSpectrum[]>> _groups = new();
    private readonly Mediator[] _together;

    /// <summary>Creates the memo; <paramref name="computedTogether"/> names mediators whose spectra share one pass (none by default).</summary>
    public EtlSpectrumCache(IEnumerable<Mediator>? computedTogether = null)
    {
        _together = [.. (computedTogether ?? []).Distinct()];
        if (_together.Any(m => !Enum.IsDefined(m))) throw new ArgumentException("unknown mediator", nameof(computedTogether));
    }

    /// <summary>Number of spectra held.</summary>
    public int Count => _spectra.Count + _groups.Count * _together.Length;

    /// <summary>Returns the cached spectrum or computes it with <paramref name="calculator"/> (together with the other
    /// mediators named at construction when its mediator is one of them).</summary>
    public EtlSpectrum GetOrCompute(EtlCalculator calculator, TsaiFormFactor ff, double leptonGeV, double massGeV, double xMin)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        int slot = Array.IndexOf(_together, calculator.Mediator);
        if (slot >= 0)
        {
            var groupKey = new Key(ff, leptonGeV, massGeV, xMin, calculator.Grid, calculator.LeptonMassGeV, null);
            return _groups.GetOrAdd(groupKey, k => new Lazy<EtlSpectrum[]>(
                () => calculator.Spectra(k.FormFactor, k.LeptonGeV, k.MassGeV, k.XMin, _together),
                LazyThreadSafetyMode.ExecutionAndPublication)).Value[slot];
        }
        var key = new Key(ff, leptonGeV, massGeV, xMin, calculator.Grid, calculator.LeptonMassGeV, calculator.Mediator);
        return _spectra.GetOrAdd(key, k => new Lazy<EtlSpectrum>(
            () => calculator.Spectrum(k.FormFactor, k.LeptonGeV, k.MassGeV, k.XMin),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private readonly record struct Key(TsaiFormFactor FormFactor, double LeptonGeV, double MassGeV, double XMin, EtlGrid Grid, double LeptonMassGeV, Mediator? Mediator);
}
