using Emiss.Core.Random;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Physics.Decays;

namespace Emiss.Backgrounds.Biasing;

/// <summary>
/// Importance sampling of the proper times at decay of an event's muons, s in mean lifetimes (true density p(s) = e^(−s) each,
/// independent), so that decays inside the calorimeter stack — probability 10⁻⁶–10⁻³ per muon — are sampled often enough to
/// estimate what they put into the signal box. The event's n muons are drawn together from the defensive mixture
/// q(s₁…s_n) = (1 − a) Π p(s_i) + a/(2ⁿ − 1) Σ_{F ≠ ∅} Π_{i∈F} f(s_i) Π_{i∉F} p(s_i), f(s) = (1/J) Σ_j [s &lt; h_j]/h_j:
/// with probability 1 − a every muon follows the true law; otherwise a non-empty subset F of the muons, chosen uniformly, is
/// forced, each uniform on [0, h_j] for one of J nested windows h_j = h·10^(−j), the others follow the true law. The weight
/// Π p / q = 1 / ((1 − a) + a (Π(1 + f_i/p_i) − 1)/(2ⁿ − 1)) ≤ 1/(1 − a), so every outcome keeps a bounded weight and the
/// estimate is exact (docs/physics/muon-pairs.md#forced-decays). Subsets rather than each muon forced with probability a, so
/// that 1 − a of the events stay undisturbed whatever their number of muons; subsets rather than all muons at once, so that
/// one muon can decay while its partner does not (forcing all together left that case to the true law alone). The windows
/// cover the proper times of the stack: a 100 GeV muon crosses the 45 cm ECAL in 7·10⁻⁷ lifetimes, a 1 GeV muon that stops in the HCAL lives ≈ 4·10⁻⁴ of a lifetime in it. Nested uniform
/// windows, not a log-uniform density, because the windows must reach s = 0 with a large density: a first version with a
/// log-uniform window on [10⁻⁸, 10⁻³] left the decays below 10⁻⁸ (the first few mm at 100 GeV) to the true law alone,
/// 5·10⁻⁹ of the draws, and a 4·10⁵-draw check of P(s &lt; 3·10⁻⁷) came out 3 % low with an error estimate of 0.5 %.
/// </summary>
public sealed class ForcedMuonDecay
{
    private readonly double[] _windows;

    /// <summary>The mixture with the forced share <paramref name="probability"/> = a in [0, 1) spread over
    /// <paramref name="decades"/> windows [0, h·10^(−j)] below <paramref name="highestLifetimes"/> = h, and, when
    /// <paramref name="ownPathCm"/> &gt; 0, one more window per muon: [0, 1.25 L/λ(p)], the proper time the muon needs to
    /// cross the path L at its arrival momentum (λ = (p/m) cτ), e.g. the front of the ECAL (<see cref="EcalFrontPathCm"/>). The
    /// nested windows alone change density tenfold at each h_j, so a muon whose useful range ends just past an h_j decays in
    /// its last centimetres ten times less often than in the rest, with ten times the weight.</summary>
    public ForcedMuonDecay(double probability = 0.2, double highestLifetimes = 1e-3, int decades = 5, double ownPathCm = 0)
    {
        if (!(probability >= 0 && probability < 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "the forced probability must lie in [0, 1): the true law stays in the mixture");
        if (!(highestLifetimes > 0) || double.IsInfinity(highestLifetimes))
            throw new ArgumentOutOfRangeException(nameof(highestLifetimes), highestLifetimes, "the largest forced window must be a finite number of lifetimes > 0");
        ArgumentOutOfRangeException.ThrowIfLessThan(decades, 1);
        if (!(ownPathCm >= 0) || double.IsInfinity(ownPathCm))
            throw new ArgumentOutOfRangeException(nameof(ownPathCm), ownPathCm, "the path of the muon's own window must be a finite length ≥ 0");
        Probability = probability;
        OwnPathCm = ownPathCm;
        _windows = [.. Enumerable.Range(0, decades).Select(j => highestLifetimes * Math.Pow(10, -j))];
    }

    /// <summary>Path of a muon's own window in <paramref name="model"/>'s set-up, cm: twice the ECAL preshower (≈ 8 X0). A muon
    /// that decays there leaves the HCAL empty and an electron shower that starts early enough to pass the shape cut and stay
    /// out of V2; one that decays 15 cm deep already puts MeV into V2 (docs/physics/muon-pairs.md#forced-decays).</summary>
    public static double EcalFrontPathCm(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return 2 * model.Layout.Regions[0].ThicknessCm;
    }

    /// <summary>a: probability that an event's muons are forced.</summary>
    public double Probability { get; }

    /// <summary>The forced windows' upper ends h_j, lifetimes (largest first).</summary>
    public IReadOnlyList<double> Windows => _windows;

    /// <summary>The path L of each muon's own window, cm (0: none).</summary>
    public double OwnPathCm { get; }

    /// <summary>Draws the proper times of <paramref name="into"/>.Length (1 to 16) muons from q, without own windows, and
    /// returns the event's weight Π p / q.</summary>
    public double Sample(Span<double> into, ref EventRng rng) => Sample(into, [], ref rng);

    /// <summary>Draws the proper times of <paramref name="into"/>.Length (1 to 16) muons from q, muon i with its own window
    /// [0, <paramref name="own"/>[i]] (none when <paramref name="own"/> is empty), and returns the event's weight Π p / q.</summary>
    public double Sample(Span<double> into, ReadOnlySpan<double> own, ref EventRng rng)
    {
        int n = into.Length;
        if (n is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(into), n, "forced decays take 1 to 16 muons per event");
        if (own.Length != 0 && own.Length != n) throw new ArgumentException("one own window per muon, or none", nameof(own));
        int subsets = (1 << n) - 1, choices = _windows.Length + (own.Length > 0 ? 1 : 0);
        int mask = rng.NextDouble() < Probability ? 1 + Math.Min((int)(rng.NextDouble() * subsets), subsets - 1) : 0;
        for (int i = 0; i < n; i++)
        {
            if ((mask >> i & 1) == 0) { into[i] = rng.NextExponential(); continue; }
            int j = Math.Min((int)(rng.NextDouble() * choices), choices - 1);
            into[i] = rng.NextDouble() * (j < _windows.Length ? _windows[j] : own[i]);
        }
        return Weight(into, own);
    }

    /// <summary>Forces the decays of the <paramref name="count"/> muon arrivals of <paramref name="record"/> from
    /// <paramref name="from"/> on and returns the event's weight.</summary>
    public double Force(BeamLineRecord record, int from, int count, ref EventRng rng)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<double> s = stackalloc double[count];
        Span<double> own = stackalloc double[OwnPathCm > 0 ? count : 0];
        for (int i = 0; i < own.Length; i++)
        {
            double p = MuonTransport.Momentum(record.ArrivalEnergyGeV[from + i]);
            // A muon at rest at the face: its own window is the largest nested one.
            own[i] = p > 0 ? Math.Min(1.25 * OwnPathCm / DecayTable.MuonMinus.DecayLengthCm(p), _windows[0]) : _windows[0];
        }
        double weight = Sample(s, own, ref rng);
        for (int i = 0; i < count; i++) record.SetDecayLifetimes(from + i, s[i]);
        return weight;
    }

    /// <summary>Π p / q without own windows.</summary>
    public double Weight(ReadOnlySpan<double> lifetimes) => Weight(lifetimes, []);

    /// <summary>Π p / q = 1 / ((1 − a) + a (Π(1 + f_i(s_i)/p(s_i)) − 1)/(2ⁿ − 1)), f_i(s) = (Σ_j [s &lt; h_j]/h_j + [s &lt; o_i]/o_i)/C
    /// with C the number of windows a forced muon chooses from.</summary>
    public double Weight(ReadOnlySpan<double> lifetimes, ReadOnlySpan<double> own)
    {
        if (own.Length != 0 && own.Length != lifetimes.Length) throw new ArgumentException("one own window per muon, or none", nameof(own));
        int choices = _windows.Length + (own.Length > 0 ? 1 : 0);
        double product = 1;
        for (int i = 0; i < lifetimes.Length; i++)
        {
            double s = lifetimes[i];
            ArgumentOutOfRangeException.ThrowIfNegative(s);
            double sum = 0;
            foreach (double h in _windows)
                if (s < h) sum += 1 / h;
            if (own.Length > 0 && s < own[i]) sum += 1 / own[i];
            // f/p; p = e^(−s) ≥ e^(−h) inside the windows, and f = 0 outside them.
            product *= 1 + (sum > 0 ? sum / choices * Math.Exp(s) : 0);
        }
        return 1 / ((1 - Probability) + Probability * (product - 1) / ((1 << lifetimes.Length) - 1));
    }
}
