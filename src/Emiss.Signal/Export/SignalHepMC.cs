using System.Globalization;
using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Signal.Biasing;
using Emiss.Signal.Run;

namespace Emiss.Signal.Export;

/// <summary>
/// Converts a signal event to its generator-level HepMC3 record, in which every vertex conserves four-momentum
/// (to the rounding of the arithmetic):
/// <list type="number">
/// <item>beam e⁻ (status 4, E0 along +z);</item>
/// <item>shower vertex (implicit, incoming = beam): the emitter as it arrives at the emission point (status 2, ±11,
/// its total energy there and its direction, <see cref="EmissionRecord.EmitterVertexEnergyGeV"/>) and the
/// <em>shower remainder</em> (status <see cref="RemainderStatus"/>, PDG <see cref="RemainderPdgId"/>) = beam − emitter:
/// the summed four-momentum of everything the history before the emission produced (photons, other e±, energy
/// deposited), which the signal record does not itemise. It is written whether the emitter is the primary (its energy
/// loss) or a secondary (the rest of the shower); it is omitted only when it vanishes exactly;</item>
/// <item>emission vertex (explicit, at the emitting slab's mid-depth on the axis, mm; the shower tally does not keep
/// the transverse point). A′-strahlung: incoming emitter + target nucleus at rest (status 4, PDG 100ZZZAAA0 of the
/// material's <see cref="Material.DominantElement"/>, mass A_r u − Z m_e); outgoing recoil nucleus, recoil lepton
/// (status 1, energy E − E_A′ along p_e − p_A′, as the transport continues it) and A′ (status 1, PDG
/// <see cref="APrimePdgId"/>, on shell). The nucleus takes the momentum transfer q = p_e − p_A′ − p_ℓ (|q| ~ m²/2E_A′)
/// and no energy: its recoil energy q²/2M ≲ 10⁻⁶ GeV is neglected, as in the transport, so it is off shell by that
/// amount. Resonant annihilation: incoming positron + atomic e⁻ at rest (status 4); outgoing A′ with the sum of
/// both four-momenta, i.e. generated mass √s = √(2 m_e (E₊ + m_e)): m_A′ on the resonance peak, off it in the
/// Breit–Wigner tails that the biased sampling also reaches.</item>
/// </list>
/// Particle order: beam, emitter, remainder, target, [recoil nucleus, recoil lepton,] A′ (the A′ is always last).
/// Weight = w/ε² (per EOT at ε = 1 when summed and divided by the simulated electrons).
/// </summary>
public static class SignalHepMC
{
    /// <summary>PDG code written for the A′ (no standard code exists; the placeholder of docs/physics/formats.md#hepmc3).</summary>
    public const int APrimePdgId = 1023;

    /// <summary>
    /// PDG code of the shower-remainder pseudo-particle: 90, in the range 81–100 that the PDG Monte Carlo numbering
    /// scheme (RPP 2024, review 45) reserves for generator-specific pseudo-particles and concepts.
    /// </summary>
    public const int RemainderPdgId = 90;

    /// <summary>
    /// Status of the shower remainder: 11, generator-dependent (HepMC3 status convention: 1 = final, 2 = decayed,
    /// 3 = documentation, 4 = beam, 11–200 generator-dependent; Buckley et al., CPC 260 (2021) 107310), so that no
    /// reader counts it as a final-state particle.
    /// </summary>
    public const int RemainderStatus = 11;

    /// <summary>Weight names of the run (one weight per event).</summary>
    public static IReadOnlyList<string> WeightNames { get; } = ["weight_per_eot_eps1"];

    /// <summary>Builds the HepMC3 event of <paramref name="e"/> (which must carry an emission).</summary>
    /// <param name="e">The event.</param>
    /// <param name="beamGeV">Beam energy E0 of the run (total), GeV.</param>
    /// <param name="massGeV">A′ mass, GeV.</param>
    /// <param name="geometry">The geometry the event was simulated in (vertex depth, target nucleus).</param>
    public static HepMC3Event ToEvent(SignalEvent e, double beamGeV, double massGeV, SlabStack geometry)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(geometry);
        EmissionRecord r = e.Emission;
        if (r.Kind == EmissionKind.None) throw new ArgumentException("event has no emission", nameof(e));
        const double me = PhysicalConstants.ElectronMassGeV;
        var parts = new List<HepMC3Particle>();
        int Add(int parent, int pdg, Vec4 p, double mass, int status)
        {
            parts.Add(new HepMC3Particle(parts.Count + 1, parent, pdg, p.Px, p.Py, p.Pz, p.E, mass, status));
            return parts.Count;
        }

        var beam = new Vec4(0, 0, Momentum(beamGeV, me), beamGeV);
        int beamId = Add(0, 11, beam, me, 4);
        double eEm = r.EmitterVertexEnergyGeV, pEm = Momentum(eEm, me);
        var emitter = new Vec4(pEm * r.EmitterUx, pEm * r.EmitterUy, pEm * r.EmitterUz, eEm);
        int emitterPdg = r.Emitter == ShowerSpecies.Positron ? -11 : 11;
        int emitterId = Add(beamId, emitterPdg, emitter, me, 2);
        Vec4 remainder = beam - emitter;
        if (!remainder.IsZero) Add(beamId, RemainderPdgId, remainder, remainder.SignedMass, RemainderStatus);
        int vertexCount = 1; // the implicit shower vertex of the beam

        const int vid = -1;
        double zMm = 10.0 * 0.5 * (geometry.ZEdgesCm[r.Slab] + geometry.ZEdgesCm[r.Slab + 1]);
        var verts = new List<HepMC3Vertex>();
        if (r.Kind == EmissionKind.Bremsstrahlung)
        {
            ElementComponent el = geometry.Materials[geometry.SlabMaterial[r.Slab]].DominantElement;
            int a = (int)Math.Round(el.AGramsPerMol);
            double mN = el.AGramsPerMol * PhysicalConstants.AtomicMassUnitGeV - el.Z * me;
            var target = new Vec4(0, 0, 0, mN);
            int targetId = Add(0, NucleusPdgId(el.Z, a), target, mN, 4);
            verts.Add(new HepMC3Vertex(vid, 0, [emitterId, targetId], 0, 0, zMm, 0));
            double pA = Momentum(r.APrimeEnergyGeV, massGeV);
            var aPrime = new Vec4(pA * r.Ux, pA * r.Uy, pA * r.Uz, r.APrimeEnergyGeV);
            // Recoil lepton as the transport continues it: energy E − E_A′ along p_e − p_A′ (DarkBremProcess).
            double eRec = eEm - r.APrimeEnergyGeV, pRec = Momentum(eRec, me);
            Vec4 d = emitter - aPrime;
            double norm = Math.Sqrt(d.Px * d.Px + d.Py * d.Py + d.Pz * d.Pz);
            (double ux, double uy, double uz) = norm > 0 ? (d.Px / norm, d.Py / norm, d.Pz / norm) : (r.EmitterUx, r.EmitterUy, r.EmitterUz);
            var lepton = new Vec4(pRec * ux, pRec * uy, pRec * uz, eRec);
            Vec4 nucleus = emitter + target - aPrime - lepton;
            Add(vid, NucleusPdgId(el.Z, a), nucleus, mN, 1);
            Add(vid, emitterPdg, lepton, me, 1);
            Add(vid, APrimePdgId, aPrime, massGeV, 1);
        }
        else
        {
            var atomic = new Vec4(0, 0, 0, me);
            int atomicId = Add(0, 11, atomic, me, 4);
            verts.Add(new HepMC3Vertex(vid, 0, [emitterId, atomicId], 0, 0, zMm, 0));
            Vec4 aPrime = emitter + atomic;
            Add(vid, APrimePdgId, aPrime, aPrime.SignedMass, 1);
        }
        vertexCount++;
        var attrs = new List<KeyValuePair<string, string>>
        {
            new("emiss_process", r.Kind == EmissionKind.Bremsstrahlung ? "aprime-brem" : "resonant-annihilation"),
            new("emiss_event_index", e.EventIndex.ToString(CultureInfo.InvariantCulture)),
            new("emiss_slab", r.Slab.ToString(CultureInfo.InvariantCulture)),
        };
        return new HepMC3Event(e.EventIndex, vertexCount, parts, verts, [e.WeightPerEotEps1], attrs);
    }

    /// <summary>
    /// Run attributes of a HepMC3 file holding the first <paramref name="eventsWritten"/> kept events of
    /// <paramref name="sample"/>: the signal sample's metadata (<see cref="SignalParquetWriter.Metadata"/>: provenance,
    /// yield and weighted emissions with their definitions, simulated electrons N and first event, so that Σ weights / N
    /// is per EOT), with <c>emiss.signal.rows</c> replaced by the events in this file.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> RunAttributes(SignalRunResult sample, SignalRunResult yieldPass, Emiss.Core.IO.Provenance provenance,
        int eventsWritten)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentOutOfRangeException.ThrowIfNegative(eventsWritten);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eventsWritten, sample.Kept.Count);
        Dictionary<string, string> d = SignalParquetWriter.Metadata(sample, yieldPass, provenance);
        d["emiss.signal.rows"] = eventsWritten.ToString(CultureInfo.InvariantCulture);
        d["emiss.signal.rows_definition"] =
            "the first emiss.signal.rows signal events of the pass in event order (all of them when it equals the pass's emissions); " +
            "E = RNG event index in [first_event, first_event + simulated_electrons)";
        return [.. d];
    }

    /// <summary>PDG nuclear code 10LZZZAAAI with L = I = 0 (RPP Monte Carlo numbering scheme).</summary>
    public static int NucleusPdgId(int z, int a) => 1_000_000_000 + 10_000 * z + 10 * a;

    private static double Momentum(double e, double m) => Math.Sqrt(Math.Max(0.0, (e - m) * (e + m)));

    /// <summary>A four-vector (px, py, pz, E), GeV.</summary>
    private readonly record struct Vec4(double Px, double Py, double Pz, double E)
    {
        public static Vec4 operator +(Vec4 a, Vec4 b) => new(a.Px + b.Px, a.Py + b.Py, a.Pz + b.Pz, a.E + b.E);

        public static Vec4 operator -(Vec4 a, Vec4 b) => new(a.Px - b.Px, a.Py - b.Py, a.Pz - b.Pz, a.E - b.E);

        public bool IsZero => Px == 0 && Py == 0 && Pz == 0 && E == 0;

        /// <summary>√m² for time-like, −√(−m²) for space-like vectors (HepMC3 FourVector::m convention).</summary>
        public double SignedMass
        {
            get
            {
                double m2 = (E - Pz) * (E + Pz) - Px * Px - Py * Py;
                return m2 >= 0 ? Math.Sqrt(m2) : -Math.Sqrt(-m2);
            }
        }
    }
}
