using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Physics.DarkProduction;
using Emiss.Shower.Geometry;
using Emiss.Signal.Biasing;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;

namespace Emiss.Analysis.Efficiency;

/// <summary>
/// Where and at which energies the A′ of signal events is emitted, from the signal Monte Carlo
/// (docs/physics/aprime-emission.md, yield mode): beam electrons of E0 shower in the set-up's ECAL layering with
/// A′-strahlung (E_A′ &gt; x_min·E0) added to the e± processes, the emission forced by the biased cross section and
/// carried with its exact importance weight. Drawing an emission with probability ∝ weight therefore samples the
/// emitter (the beam electron or a shower e±), its energy and the depth from the shower's e± track length times
/// σ(E; xE &gt; E_cut), and E_A′ from dσ/dx at the emitter's energy — the same model that gives the signal yield
/// (docs/physics/signal-efficiency.md#emission-sampling).
/// </summary>
public sealed class SignalEmissionSample
{
    private readonly SignalEmissionPoint[] _points;
    private readonly double[] _cumulative;

    private SignalEmissionSample(SignalEmissionPoint[] points)
    {
        if (points.Length == 0) throw new InvalidOperationException("the signal Monte Carlo produced no A′ emission");
        _points = points;
        _cumulative = new double[points.Length];
        double sum = 0;
        for (int i = 0; i < points.Length; i++)
        {
            sum += points[i].Weight;
            _cumulative[i] = sum;
        }
        if (!(sum > 0)) throw new InvalidOperationException("the signal Monte Carlo emissions carry no weight");
    }

    /// <summary>The emissions in event order.</summary>
    public IReadOnlyList<SignalEmissionPoint> Points => _points;

    /// <summary>
    /// Runs <paramref name="electrons"/> beam electrons of the card's beam energy through the card's ECAL (absorber and
    /// active layers as in <see cref="EcalOptions"/>) at A′ mass <paramref name="massMeV"/> with production model
    /// <paramref name="production"/> and keeps every emission with E_A′ &gt; <paramref name="xMin"/>·E0. The bias factor is
    /// set by the signal Monte Carlo's pilot run (about one emission per two electrons).
    /// </summary>
    public static SignalEmissionSample Simulate(SetupCard card, IDarkProductionModel production, double massMeV, double xMin, long electrons, ulong seed, int threads)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(production);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(electrons);
        double beamGeV = card.Beam.EnergyGeV;
        SlabStack ecal = EcalStack(card.Ecal);
        SignalTables tables = SignalTables.Build(production, ecal.Materials, Mass.FromMeV(massMeV), Energy.FromGeV(beamGeV), xMin);
        SignalRunResult run = SignalRunner.Run(tables, ecal, new SignalOptions { Mode = SignalMode.Yield, KeepEvents = true }, electrons, seed, Math.Max(1, threads));
        var points = new List<SignalEmissionPoint>(run.Kept.Count);
        foreach (SignalEvent e in run.Kept)
        {
            EmissionRecord r = e.Emission;
            if (r.Kind != EmissionKind.Bremsstrahlung) continue;
            double emitter = Math.Min(r.EmitterVertexEnergyGeV, beamGeV) / beamGeV;
            points.Add(new SignalEmissionPoint(emitter, Math.Min(r.APrimeEnergyGeV / beamGeV, emitter), ecal.DepthEdgesX0[r.Slab], ecal.DepthEdgesX0[r.Slab + 1],
                                               r.EmitterIsPrimary, e.WeightPerEotEps1));
        }
        return new SignalEmissionSample([.. points]);
    }

    /// <summary>An emission drawn with probability ∝ weight by <paramref name="u"/> ∈ [0, 1), placed in its slab by
    /// <paramref name="v"/> ∈ [0, 1) (uniformly: the emission rate is constant across a 0.27 X0 slab to first order).</summary>
    public AprimeEmission Draw(double u, double v)
    {
        int i = Array.BinarySearch(_cumulative, u * _cumulative[^1]);
        i = i >= 0 ? Math.Min(i + 1, _points.Length - 1) : Math.Min(~i, _points.Length - 1);
        SignalEmissionPoint p = _points[i];
        return new AprimeEmission(p.EmitterFraction, p.InvisibleFraction, p.DepthFromX0 + v * (p.DepthToX0 - p.DepthFromX0));
    }

    /// <summary>Weighted mean of <paramref name="share"/> over the emissions: with a share in [0, 1], the weighted fraction
    /// of emissions it selects (e.g. the part of a primary emission's slab above a depth).</summary>
    public double WeightedFraction(Func<SignalEmissionPoint, double> share)
    {
        ArgumentNullException.ThrowIfNull(share);
        double s = 0;
        foreach (SignalEmissionPoint p in _points) s += p.Weight * share(p);
        return s / _cumulative[^1];
    }

    /// <summary>The card's ECAL as a slab stack for the shower engine (the full ECAL model's layering).</summary>
    private static SlabStack EcalStack(EcalOptions e) =>
        EcalLayering.FromCard(e, "ecal-from-card", "ECAL layering of the set-up card (signal emission sample)", 0.5 * Math.Max(e.CellsX, e.CellsY) * e.CellSizeCm);
}
