using Emiss.Core.Constants;
using Emiss.Shower;
using Emiss.Shower.Geometry;
using Emiss.Signal.Biasing;
using Emiss.Signal.Run;

namespace Emiss.Signal.Export;

/// <summary>
/// Converts a signal event to its generator-level HepMC3 record: beam e⁻ (status 4, along +z); if the emitter is
/// a shower e± it appears as an intermediate particle (status 2) from an implicit vertex of the beam (the shower
/// history in between is not recorded); the emission vertex (at the emitting slab's mid-depth on the axis, mm:
/// the shower tally does not keep the transverse point) has the emitter as incoming (and, for resonant
/// annihilation, an atomic e⁻ at rest, status 4) and the A′ (status 1, along its sampled or the emitter's direction, PDG code <see cref="APrimePdgId"/>) plus,
/// for A′-strahlung, the recoil lepton (status 1) as outgoing. The nucleus recoil is not written (its momentum
/// closes the balance). Weight = w/ε² (per EOT at ε = 1 when summed and divided by the simulated electrons).
/// </summary>
public static class SignalHepMC
{
    /// <summary>PDG code written for the A′ (no standard code exists; the placeholder of STATS_AND_FORMATS.md §3).</summary>
    public const int APrimePdgId = 1023;

    /// <summary>Weight names of the run (one weight per event).</summary>
    public static IReadOnlyList<string> WeightNames { get; } = ["weight_per_eot_eps1"];

    /// <summary>Builds the HepMC3 event of <paramref name="e"/> (which must carry an emission).</summary>
    public static HepMC3Event ToEvent(SignalEvent e, double beamGeV, double massGeV, SlabStack geometry)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(geometry);
        EmissionRecord r = e.Emission;
        if (r.Kind == EmissionKind.None) throw new ArgumentException("event has no emission", nameof(e));
        const double me = PhysicalConstants.ElectronMassGeV;
        var parts = new List<HepMC3Particle>();
        var verts = new List<HepMC3Vertex>();
        parts.Add(new HepMC3Particle(1, 0, 11, 0, 0, Momentum(beamGeV, me), beamGeV, me, 4));
        int emitterId = 1, vertexCount = 0;
        int emitterPdg = r.Emitter == ShowerSpecies.Positron ? -11 : 11;
        if (!r.EmitterIsPrimary)
        {
            double p = Momentum(r.EmitterEnergyGeV, me);
            parts.Add(new HepMC3Particle(2, 1, emitterPdg, p * r.EmitterUx, p * r.EmitterUy, p * r.EmitterUz, r.EmitterEnergyGeV, me, 2));
            emitterId = 2;
            vertexCount++;
        }
        var incoming = new List<int> { emitterId };
        if (r.Kind == EmissionKind.ResonantAnnihilation)
        {
            parts.Add(new HepMC3Particle(parts.Count + 1, 0, 11, 0, 0, 0, me, me, 4));
            incoming.Add(parts.Count);
        }
        int vid = -(vertexCount + 1);
        vertexCount++;
        double zMm = 10.0 * 0.5 * (geometry.ZEdgesCm[r.Slab] + geometry.ZEdgesCm[r.Slab + 1]);
        verts.Add(new HepMC3Vertex(vid, 0, incoming, 0, 0, zMm, 0));
        if (r.Kind == EmissionKind.Bremsstrahlung)
        {
            // Recoil = emitter − A′ in momentum (nucleus recoil neglected, as in the transport), energy E − E_A′.
            double eRec = r.EmitterEnergyGeV - r.APrimeEnergyGeV, pRec = Momentum(eRec, me);
            double pE = Momentum(r.EmitterEnergyGeV, me), pAp = Momentum(r.APrimeEnergyGeV, massGeV);
            double dx = pE * r.EmitterUx - pAp * r.Ux, dy = pE * r.EmitterUy - pAp * r.Uy, dz = pE * r.EmitterUz - pAp * r.Uz;
            double norm = Math.Sqrt(dx * dx + dy * dy + dz * dz);
            (dx, dy, dz) = norm > 0 ? (dx / norm, dy / norm, dz / norm) : (r.EmitterUx, r.EmitterUy, r.EmitterUz);
            parts.Add(new HepMC3Particle(parts.Count + 1, vid, emitterPdg, pRec * dx, pRec * dy, pRec * dz, eRec, me, 1));
        }
        double pA = Momentum(r.APrimeEnergyGeV, massGeV);
        parts.Add(new HepMC3Particle(parts.Count + 1, vid, APrimePdgId, pA * r.Ux, pA * r.Uy, pA * r.Uz, r.APrimeEnergyGeV, massGeV, 1));
        var attrs = new List<KeyValuePair<string, string>>
        {
            new("emiss_process", r.Kind == EmissionKind.Bremsstrahlung ? "aprime-brem" : "resonant-annihilation"),
            new("emiss_event_index", e.EventIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("emiss_slab", r.Slab.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return new HepMC3Event(e.EventIndex, vertexCount, parts, verts, [e.WeightPerEotEps1], attrs);
    }

    private static double Momentum(double e, double m) => Math.Sqrt(Math.Max(0.0, (e - m) * (e + m)));
}
