using Emiss.Shower.Scoring;

namespace Emiss.Shower.Fast;

/// <summary>
/// Condenses the steps of one library shower into track-length segments: per (species e⁻/e⁺/γ, phase of the slab in
/// the period, log-energy bin of <see cref="TrackLengthBins"/>) the summed step length and its length-weighted mean
/// kinetic energy. Replaying them when the shower is substituted keeps the track-length tallies of fast mode (the
/// differential spectra and the per-material lengths behind the A′ yield estimator) equal to the analog ones within
/// the library's statistics. Fixed arrays, reused across showers by one build worker.
/// </summary>
internal sealed class TrackSegmentAccumulator(int period)
{
    private const int Rows = 3;
    private readonly double[] _length = new double[Rows * period * TrackLengthBins.LogBins];
    private readonly double[] _lengthTimesE = new double[Rows * period * TrackLengthBins.LogBins];
    private readonly int _period = period;

    public void Clear()
    {
        Array.Clear(_length);
        Array.Clear(_lengthTimesE);
    }

    /// <summary>Adds a step of a particle of <paramref name="type"/> in a slab of <paramref name="phase"/>.</summary>
    public void Add(ShowerSpecies type, int phase, double kineticGeV, double lengthCm)
    {
        int row = type switch { ShowerSpecies.Electron => 0, ShowerSpecies.Positron => 1, ShowerSpecies.Gamma => 2, _ => -1 };
        if (row < 0 || !(lengthCm > 0)) return;   // library showers are EM; a rare muon pair is not tallied
        int bin = Math.Clamp((int)Math.Floor(Math.Log10(kineticGeV / TrackLengthBins.LogMinGeV) * TrackLengthBins.PerDecade), 0, TrackLengthBins.LogBins - 1);
        int k = (row * _period + phase) * TrackLengthBins.LogBins + bin;
        _length[k] += lengthCm;
        _lengthTimesE[k] += lengthCm * kineticGeV;
    }

    /// <summary>Non-empty segments in (species, phase, energy bin) order.</summary>
    public (byte[] Type, byte[] Phase, float[] KineticGeV, float[] LengthCm) Segments()
    {
        int n = _length.Count(l => l > 0);
        var type = new byte[n];
        var phase = new byte[n];
        var e = new float[n];
        var len = new float[n];
        int o = 0;
        for (int k = 0; k < _length.Length; k++)
        {
            if (!(_length[k] > 0)) continue;
            int row = k / (_period * TrackLengthBins.LogBins);
            type[o] = (byte)(row == 0 ? ShowerSpecies.Electron : row == 1 ? ShowerSpecies.Positron : ShowerSpecies.Gamma);
            phase[o] = (byte)(k / TrackLengthBins.LogBins % _period);
            e[o] = (float)(_lengthTimesE[k] / _length[k]);
            len[o] = (float)_length[k];
            o++;
        }
        return (type, phase, e, len);
    }
}
