using System.Collections.Concurrent;
using System.Globalization;
using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Shower.Materials;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>
/// Direct e⁺e⁻ pair production by muons in one material, split at the pair energy ε_c = 2(T_c + m_e) (T_c the material's e±
/// production cut, so that a pair shared evenly gives two e± above it): pairs below ε_c are a continuous loss
/// Σ_i n_i ∫ ε dσ_i/dε, pairs above are produced one by one at the rate Σ_i n_i ∫ dσ_i/dε with ε drawn from the same
/// spectrum (<see cref="MuonDirectPairCrossSection"/>). Tabulated at muon kinetic energies from 0.5 GeV to 20 TeV, 16 per
/// decade (log–log interpolation; ε sampled at one of the two neighbouring nodes, chosen with the interpolation weight, in the
/// variable q = ln(ε/ε_c)/ln(ε_max/ε_c) on 128 bins, each integrated with two Gauss points). Tables are shared between
/// physics instances with the same material and cut. docs/physics/muons.md#direct-pair-production.
/// </summary>
public sealed class MuonDirectPairTable
{
    private const double MinKineticGeV = 0.5, MaxKineticGeV = 2e4;
    private const int PerDecade = 16, Bins = 128;
    private static readonly ConcurrentDictionary<string, MuonDirectPairTable> Cache = new();

    private readonly double[] _lnT;            // node ln T
    private readonly double[] _continuous;     // GeV/cm below ε_c
    private readonly double[] _rate;           // 1/cm above ε_c
    private readonly double[][] _cdf;          // per node: cumulative share over the q bins (Bins + 1 points)
    private readonly double[] _z, _atoms;
    private readonly double _cutGeV;

    private MuonDirectPairTable(double[] z, double[] atomsPerCm3, double pairCutGeV)
    {
        _z = z;
        _atoms = atomsPerCm3;
        _cutGeV = pairCutGeV;
        int n = (int)Math.Round(PerDecade * Math.Log10(MaxKineticGeV / MinKineticGeV)) + 1;
        _lnT = new double[n];
        _continuous = new double[n];
        _rate = new double[n];
        _cdf = new double[n][];
        for (int k = 0; k < n; k++)
        {
            double t = MinKineticGeV * Math.Pow(10.0, k / (double)PerDecade), e = t + PhysicalConstants.MuonMassGeV;
            _lnT[k] = Math.Log(t);
            for (int i = 0; i < z.Length; i++)
            {
                _continuous[k] += atomsPerCm3[i] * MuonDirectPairCrossSection.Moment(z[i], e, 0.0, pairCutGeV, 1);
                _rate[k] += atomsPerCm3[i] * MuonDirectPairCrossSection.Moment(z[i], e, pairCutGeV, double.PositiveInfinity, 0);
            }
            _cdf[k] = Cumulative(e);
        }
    }

    /// <summary>The table of <paramref name="material"/> with its e± production cut (shared by every physics with the same
    /// composition and cut).</summary>
    public static MuonDirectPairTable For(ShowerMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return For(material.Source, material.ElectronCutGeV);
    }

    /// <summary>The table of <paramref name="material"/> for an e± production cut <paramref name="electronCutGeV"/>.</summary>
    public static MuonDirectPairTable For(Material material, double electronCutGeV)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentOutOfRangeException.ThrowIfNegative(electronCutGeV);
        double cut = Math.Max(2.0 * (electronCutGeV + PhysicalConstants.ElectronMassGeV), MuonDirectPairCrossSection.MinPairEnergyGeV);
        double[] z = [.. material.Elements.Select(e => (double)e.Z)];
        double[] atoms = [.. material.Elements.Select(material.AtomDensityPerCm3)];
        string key = string.Join(";", z.Select((zi, i) => string.Create(CultureInfo.InvariantCulture, $"{zi}:{atoms[i]:R}")))
                     + string.Create(CultureInfo.InvariantCulture, $"|{cut:R}");
        return Cache.GetOrAdd(key, _ => new MuonDirectPairTable(z, atoms, cut));
    }

    /// <summary>Pair energy above which pairs are produced, GeV.</summary>
    public double PairCutGeV => _cutGeV;

    /// <summary>Continuous loss from pairs below the cut, GeV/cm.</summary>
    public double ContinuousGeVPerCm(double kineticGeV) => Interpolate(_continuous, kineticGeV);

    /// <summary>Pairs above the cut per cm.</summary>
    public double RatePerCm(double kineticGeV) => Interpolate(_rate, kineticGeV);

    /// <summary>Largest pair energy at kinetic energy T over the material's elements, GeV.</summary>
    public double MaxPairEnergyGeV(double kineticGeV) => MaxPairEnergyAtTotalGeV(kineticGeV + PhysicalConstants.MuonMassGeV);

    private double MaxPairEnergyAtTotalGeV(double totalGeV)
    {
        double max = 0;   // a loop, not LINQ: called per sampled pair, which must not allocate
        foreach (double z in _z) max = Math.Max(max, MuonDirectPairCrossSection.MaxPairEnergyGeV(z, totalGeV));
        return max;
    }

    /// <summary>Samples the energy of a pair above the cut for a muon of kinetic energy T, GeV.</summary>
    public double SamplePairEnergyGeV(double kineticGeV, ref EventRng rng)
    {
        double lnT = Math.Log(kineticGeV);
        int k = NodeBelow(lnT);
        double f = Math.Clamp((lnT - _lnT[k]) / (_lnT[k + 1] - _lnT[k]), 0.0, 1.0);
        double[] cdf = _cdf[rng.NextDouble() < f ? k + 1 : k];
        double u = rng.NextDouble();
        int b = Array.BinarySearch(cdf, u);
        if (b < 0) b = ~b - 1;
        b = Math.Clamp(b, 0, Bins - 1);
        double width = cdf[b + 1] - cdf[b];
        double q = (b + (width > 0 ? (u - cdf[b]) / width : 0.5)) / Bins;
        double max = MaxPairEnergyGeV(kineticGeV);
        return max > _cutGeV ? _cutGeV * Math.Pow(max / _cutGeV, q) : _cutGeV;
    }

    /// <summary>Cumulative share of the pairs above the cut over q = ln(ε/ε_c)/ln(ε_max/ε_c): the count density
    /// ε Σ n_i dσ_i/dε per unit ln ε integrated over each bin with two Gauss–Legendre points; uniform in q where the spectrum
    /// above the cut is empty (its rate is then 0 and nothing is sampled from it).</summary>
    private double[] Cumulative(double totalGeV)
    {
        var cdf = new double[Bins + 1];
        double max = MaxPairEnergyAtTotalGeV(totalGeV);
        if (max > _cutGeV)
        {
            double span = Math.Log(max / _cutGeV);
            double g = 0.5 / Math.Sqrt(3.0);
            for (int b = 0; b < Bins; b++)
            {
                double w = 0;
                foreach (double x in (ReadOnlySpan<double>)[0.5 - g, 0.5 + g])
                {
                    double eps = _cutGeV * Math.Exp(span * (b + x) / Bins);
                    for (int i = 0; i < _z.Length; i++) w += eps * _atoms[i] * MuonDirectPairCrossSection.DifferentialCm2PerGeV(_z[i], totalGeV, eps);
                }
                cdf[b + 1] = cdf[b] + w;
            }
        }
        double total = cdf[Bins];
        if (!(total > 0)) { for (int b = 0; b <= Bins; b++) cdf[b] = b / (double)Bins; return cdf; }
        for (int b = 1; b <= Bins; b++) cdf[b] /= total;
        cdf[Bins] = 1.0;
        return cdf;
    }

    private int NodeBelow(double lnT)
    {
        int k = (int)Math.Floor((lnT - _lnT[0]) / (_lnT[1] - _lnT[0]));
        return Math.Clamp(k, 0, _lnT.Length - 2);
    }

    /// <summary>Log–log interpolation between nodes (linear in ln T of the value where a node is 0); 0 below the first
    /// node, whose pair loss is below 10⁻⁴ of the ionisation.</summary>
    private double Interpolate(double[] y, double kineticGeV)
    {
        if (!(kineticGeV >= MinKineticGeV)) return 0.0;
        double lnT = Math.Log(kineticGeV);
        int k = NodeBelow(lnT);
        double f = (lnT - _lnT[k]) / (_lnT[k + 1] - _lnT[k]);
        if (y[k] > 0 && y[k + 1] > 0) return Math.Exp(Math.Log(y[k]) + f * Math.Log(y[k + 1] / y[k]));
        return Math.Max(0.0, y[k] + f * (y[k + 1] - y[k]));
    }
}
