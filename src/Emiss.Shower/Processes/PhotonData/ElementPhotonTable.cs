using Emiss.Shower.Processes.Compton;

namespace Emiss.Shower.Processes.PhotonData;

/// <summary>
/// Per-atom photoabsorption, Rayleigh and bound-Compton cross sections of one element, tabulated by xraylib from 5 keV
/// to 800 keV (tools/xraylib/make_tables.py; docs/physics/photoelectric.md, docs/physics/rayleigh.md). Log–log
/// interpolation between points; absorption edges are two points a relative 10⁻⁶ apart, so an edge stays a step.
/// Above the last point: photoabsorption continues from its last value with the energy dependence of Sauter's K-shell
/// cross section (<see cref="SauterKShell"/>), which falls as k^−2.1 at 0.8–1 MeV and flattens to 1/k well above m_e c²
/// (until 2026-12-06 the last interval's power law, k^−2.16 for Pb, continued instead: 26 % low at 2 MeV, 45 % at 3 MeV,
/// 3 % of Pb's total attenuation there; docs/physics/photoelectric.md#above-the-tables); Rayleigh falls as
/// k^−2 (the form-factor regime, Hubbell and Øverbø 1979); the Compton binding factor S = σ_bound/(Z σ_KN) relaxes to 1 as
/// 1/k. Below the first point the first interval is extended.
/// </summary>
public sealed class ElementPhotonTable
{
    private readonly double[] _lnE, _lnPhoto, _lnRayleigh, _binding;
    private readonly double _photoOverSauterAtLast;

    internal ElementPhotonTable(int z, List<double[]> rows)
    {
        Z = z;
        int n = rows.Count;
        _lnE = new double[n];
        _lnPhoto = new double[n];
        _lnRayleigh = new double[n];
        _binding = new double[n];
        const double barnToCm2 = 1e-24, keVToGeV = 1e-6;
        for (int i = 0; i < n; i++)
        {
            double kGeV = rows[i][0] * keVToGeV;
            _lnE[i] = Math.Log(kGeV);
            _lnPhoto[i] = Math.Log(Math.Max(rows[i][1], 1e-30) * barnToCm2);
            _lnRayleigh[i] = Math.Log(Math.Max(rows[i][2], 1e-30) * barnToCm2);
            _binding[i] = rows[i][3] * barnToCm2 / (z * KleinNishinaXsCalculator.CrossSectionPerElectronCm2(kGeV));
        }
        _photoOverSauterAtLast = Math.Exp(_lnPhoto[^1]) / SauterKShell.CrossSectionCm2(z, Math.Exp(_lnE[^1]));
    }

    /// <summary>Atomic number.</summary>
    public int Z { get; }

    /// <summary>Highest tabulated energy, GeV.</summary>
    public double MaxTabulatedGeV => Math.Exp(_lnE[^1]);

    /// <summary>Photoabsorption cross section per atom (all shells), cm².</summary>
    public double PhotoabsorptionCm2(double kGeV)
    {
        double lnK = Math.Log(kGeV);
        return lnK <= _lnE[^1] ? Math.Exp(LogLog(_lnPhoto, lnK)) : _photoOverSauterAtLast * SauterKShell.CrossSectionCm2(Z, kGeV);
    }

    /// <summary>Rayleigh (coherent) cross section per atom, cm².</summary>
    public double RayleighCm2(double kGeV)
    {
        double lnK = Math.Log(kGeV);
        if (lnK <= _lnE[^1]) return Math.Exp(LogLog(_lnRayleigh, lnK));
        return Math.Exp(_lnRayleigh[^1] - 2.0 * (lnK - _lnE[^1]));
    }

    /// <summary>Compton binding factor σ_incoherent/(Z σ_KN): below 1 where the electrons' binding suppresses small momentum transfers.</summary>
    public double ComptonBindingFactor(double kGeV)
    {
        double lnK = Math.Log(kGeV);
        if (lnK >= _lnE[^1]) return 1.0 - (1.0 - _binding[^1]) * Math.Exp(_lnE[^1] - lnK);
        if (lnK <= _lnE[0]) return _binding[0];
        int i = Interval(lnK);
        double f = (lnK - _lnE[i]) / (_lnE[i + 1] - _lnE[i]);
        return _binding[i] + f * (_binding[i + 1] - _binding[i]);
    }

    private double LogLog(double[] lnV, double lnK)
    {
        int i = lnK <= _lnE[0] ? 0 : lnK >= _lnE[^1] ? _lnE.Length - 2 : Interval(lnK);
        double slope = (lnV[i + 1] - lnV[i]) / (_lnE[i + 1] - _lnE[i]);
        return lnV[i] + slope * (lnK - _lnE[i]);
    }

    private int Interval(double lnK)
    {
        int lo = 0, hi = _lnE.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (_lnE[mid] <= lnK) lo = mid; else hi = mid;
        }
        return lo;
    }
}
