using Emiss.Signal.Biasing;
using Emiss.Signal.Export;
using Emiss.Signal.Run;
using Xunit;

namespace Emiss.Signal.Tests.Export;

/// <summary>HepMC3 Asciiv3 per docs/physics/formats.md#hepmc3 (line formats, ids, vertex rules) and round trip.</summary>
public sealed class HepMC3AsciiTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void MinimalEventHasTheDocumentedLines()
    {
        var sw = new StringWriter();
        using (var w = new HepMC3AsciiWriter(sw, ["w0"], "Emiss", "1.0", "test", []))
        {
            w.Write(new HepMC3Event(0, 0,
                [new HepMC3Particle(1, 0, 11, 0, 0, 100, 100, 5.11e-4, 1), new HepMC3Particle(2, 0, 22, 0.1, 0, 5, 5.000999900009999, 0, 1)],
                [], [1.0], []));
        }
        // Expected strings are C printf("%.16e") output (checked with Python's % operator, the same conversion).
        string[] lines = sw.ToString().Split('\n');
        Assert.Equal("HepMC::Version 3.02.06", lines[0]);
        Assert.Equal("HepMC::Asciiv3-START_EVENT_LISTING", lines[1]);
        Assert.Equal("W w0", lines[2]);
        Assert.Equal("T Emiss\\|1.0\\|test", lines[3]);
        Assert.Equal("E 0 0 2", lines[4]);
        Assert.Equal("U GEV MM", lines[5]);
        Assert.Equal("W 1.0000000000000000e+00", lines[6]);
        Assert.Equal("P 1 0 11 0.0000000000000000e+00 0.0000000000000000e+00 1.0000000000000000e+02 1.0000000000000000e+02 5.1099999999999995e-04 1", lines[7]);
        Assert.Equal("P 2 0 22 1.0000000000000001e-01 0.0000000000000000e+00 5.0000000000000000e+00 5.0009999000099992e+00 0.0000000000000000e+00 1", lines[8]);
        Assert.Equal("HepMC::Asciiv3-END_EVENT_LISTING", lines[9]);
        Assert.Equal("", lines[10]);
        Assert.Equal(12, lines.Length); // final "\n\n"
    }

    [Fact]
    public void DocumentedDisplacedVertexExampleParses()
    {
        const string text = "HepMC::Version 3.02.06\nHepMC::Asciiv3-START_EVENT_LISTING\nW 1\nE 0 1 3\nU GEV MM\nW 1.0\n" +
            "P 1 0 11 0 0 100 100 0.000511 4\nV -1 0 [1] @ 0 0 150 0\nP 2 -1 11 0.01 0 40 40.0000013 0.000511 1\n" +
            "P 3 -1 1023 -0.01 0 60 60.0000 0.0166 1\nHepMC::Asciiv3-END_EVENT_LISTING\n\n";
        var (_, _, events) = HepMC3AsciiReader.Read(new StringReader(text));
        HepMC3Event e = Assert.Single(events);
        Assert.Equal(150.0, Assert.Single(e.Vertices).Z);
        Assert.Equal(1023, e.Particles[2].PdgId);
    }

    [Theory]
    [InlineData("E 0 0 2\nU GEV MM\nW 1\nP 2 0 11 0 0 1 1 0 1\nP 1 0 11 0 0 1 1 0 1\n")] // ids out of order
    [InlineData("E 0 0 1\nU GEV MM\nW 1 2\nP 1 0 11 0 0 1 1 0 1\n")] // weight count ≠ run weight names
    [InlineData("E 0 0 2\nU GEV MM\nW 1\nP 1 0 11 0 0 1 1 0 1\n")] // E declares 2 particles
    [InlineData("E 0 1 2\nU GEV MM\nW 1\nP 1 0 11 0 0 1 1 0 1\nP 2 -1 11 0 0 1 1 0 1\n")] // undefined vertex
    public void MalformedEventsAreRejected(string body)
    {
        string text = "HepMC::Version 3.02.06\nHepMC::Asciiv3-START_EVENT_LISTING\nW w\n" + body + "HepMC::Asciiv3-END_EVENT_LISTING\n\n";
        Assert.Throws<FormatException>(() => HepMC3AsciiReader.Read(new StringReader(text)));
    }

    [Fact]
    public void SignalEventsRoundTripWithConsistentKinematics()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { KeepEvents = true }, 2048, 51, threads: 2);
        Assert.True(r.Kept.Count > 100);
        Assert.Contains(r.Kept, e => !e.Emission.EmitterIsPrimary);
        var sw = new StringWriter();
        string card = "schema: emiss-run-card/1\nseed: 51\npath: C:\\data\n";
        using (var w = new HepMC3AsciiWriter(sw, SignalHepMC.WeightNames, "Emiss", "test", "signal", [new("emiss.run_card", card)]))
            foreach (SignalEvent e in r.Kept) w.Write(SignalHepMC.ToEvent(e, r.BeamGeV, r.MassGeV, fx.Lead));
        var (names, runAttrs, events) = HepMC3AsciiReader.Read(new StringReader(sw.ToString()));
        Assert.Equal(SignalHepMC.WeightNames, names);
        Assert.Equal(card, Assert.Single(runAttrs).Value);
        Assert.Equal(r.Kept.Count, events.Count);
        for (int i = 0; i < events.Count; i++)
        {
            SignalEvent src = r.Kept[i];
            HepMC3Event e = events[i];
            HepMC3Event expected = SignalHepMC.ToEvent(src, r.BeamGeV, r.MassGeV, fx.Lead);
            Assert.Equal(expected.Particles, e.Particles); // %.16e keeps 17 digits: doubles round-trip exactly
            Assert.Equal(src.WeightPerEotEps1, Assert.Single(e.Weights));
            HepMC3Particle beam = e.Particles[0], emitter = e.Particles[1], aPrime = e.Particles[^1];
            Assert.Equal((11, 4, 0), (beam.PdgId, beam.Status, beam.Parent));
            Assert.Equal(r.BeamGeV, beam.E);
            // The emitter as it reaches the emission point, a child of the beam through the shower vertex.
            Assert.Equal((2, 1, src.Emission.EmitterVertexEnergyGeV), (emitter.Status, emitter.Parent, emitter.E));
            Assert.InRange(src.Emission.EmitterVertexEnergyGeV, r.CutGeV, src.Emission.EmitterEnergyGeV);
            Assert.Equal(SignalHepMC.APrimePdgId, aPrime.PdgId);
            double m2 = aPrime.E * aPrime.E - (aPrime.Px * aPrime.Px + aPrime.Py * aPrime.Py + aPrime.Pz * aPrime.Pz);
            Assert.True(Math.Abs(m2 - r.MassGeV * r.MassGeV) < 1e-9 * aPrime.E * aPrime.E, $"A′ invariant mass² {m2} vs {r.MassGeV * r.MassGeV}");
            Assert.Equal(src.Emission.APrimeEnergyGeV, aPrime.E);
            HepMC3Particle recoil = e.Particles[^2];
            Assert.Equal(src.Emission.EmitterVertexEnergyGeV, recoil.E + aPrime.E, 12);
            Assert.Equal(2, e.Vertices.Single().Incoming.Count); // emitter + target nucleus
            AssertEveryVertexConserves(e);
        }
    }

    [Fact]
    public void ShowerRemainderIsWrittenWhenTheEmitterIsNotTheFullBeam()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { KeepEvents = true }, 1024, 53, threads: 2);
        int withRemainder = 0;
        foreach (SignalEvent src in r.Kept)
        {
            HepMC3Event e = SignalHepMC.ToEvent(src, r.BeamGeV, r.MassGeV, fx.Lead);
            HepMC3Particle beam = e.Particles[0], emitter = e.Particles[1];
            HepMC3Particle? rem = e.Particles.SingleOrDefault(p => p.PdgId == SignalHepMC.RemainderPdgId);
            if (rem is null)
            {
                // Omitted only when it vanishes: the emitter is the untouched beam (an emission on the first step whose
                // ionisation loss fluctuated to zero, with multiple scattering off in yield mode).
                Assert.Equal((beam.Px, beam.Py, beam.Pz, beam.E), (emitter.Px, emitter.Py, emitter.Pz, emitter.E));
            }
            else
            {
                withRemainder++;
                Assert.Equal((3, SignalHepMC.RemainderStatus, 1), (rem.Id, rem.Status, rem.Parent));
                Assert.Equal(r.BeamGeV - src.Emission.EmitterVertexEnergyGeV, rem.E, 12);
            }
            Assert.Equal(2, e.VertexCount);
            HepMC3Particle target = e.Particles.Single(p => p.Status == 4 && p.Id > 1);
            // Pb (A_r = 207.2 rounds to 207): PDG 10LZZZAAAI = 1000822070, at rest.
            Assert.Equal((1000822070, 0.0, 0.0, 0.0), (target.PdgId, target.Px, target.Py, target.Pz));
            AssertEveryVertexConserves(e);
        }
        Assert.True(withRemainder > r.Kept.Count / 2, $"{withRemainder} of {r.Kept.Count} events with a remainder");
    }

    /// <summary>Σ incoming = Σ outgoing four-momentum at every explicit and implicit vertex, to 1e-12 of the incoming energy.</summary>
    private static void AssertEveryVertexConserves(HepMC3Event e)
    {
        var groups = new List<(IEnumerable<HepMC3Particle> In, IEnumerable<HepMC3Particle> Out)>();
        foreach (HepMC3Vertex v in e.Vertices)
            groups.Add((v.Incoming.Select(id => e.Particles[id - 1]), e.Particles.Where(p => p.Parent == v.Id)));
        foreach (int parent in e.Particles.Where(p => p.Parent > 0).Select(p => p.Parent).Distinct())
            groups.Add(([e.Particles[parent - 1]], e.Particles.Where(p => p.Parent == parent)));
        foreach ((IEnumerable<HepMC3Particle> pin, IEnumerable<HepMC3Particle> pout) in groups)
        {
            double[] Sum(IEnumerable<HepMC3Particle> ps) =>
                [ps.Sum(p => p.Px), ps.Sum(p => p.Py), ps.Sum(p => p.Pz), ps.Sum(p => p.E)];
            double[] a = Sum(pin), b = Sum(pout);
            for (int k = 0; k < 4; k++)
                Assert.True(Math.Abs(a[k] - b[k]) <= 1e-12 * a[3], $"event {e.EventNumber}: component {k}: in {a[k]:R}, out {b[k]:R}");
        }
    }

    [Fact]
    public void SampledAnglesBalanceTransverseMomentum()
    {
        SignalRunResult r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { KeepEvents = true, SampleAngles = true }, 2048, 52, threads: 2);
        var brem = r.Kept.Where(e => e.Emission.Kind == EmissionKind.Bremsstrahlung).ToList();
        Assert.True(brem.Count > 100);
        double[] theta = [.. brem.Select(e => e.Emission.Theta).Order()];
        Assert.InRange(theta[theta.Length / 2], 1e-7, 1e-3); // collinear but not exactly (docs/physics/dark-production.md#kinematics: 1e-5–1e-4 rad)
        // The recoil lepton has energy E_rec = E − E_A′ and moves along p_e − p_A′, whose length exceeds its momentum by
        // ≈ p_T²/(2E_rec): the lepton balances the A′'s p_T up to a fraction (p_T/E_rec)²/2 and the nucleus takes the rest.
        // Test the hard recoils, p_T,A′ < 0.04 E_rec, where that fraction is below 8·10⁻⁴ (a recoil of 1.3 GeV with p_T of
        // 0.26 GeV leaves 2 % to the nucleus, a physical momentum transfer of 5 MeV).
        int hard = 0;
        foreach (SignalEvent e in brem.Where(e => e.Emission.EmitterEnergyGeV - e.Emission.APrimeEnergyGeV > 1.0))
        {
            HepMC3Event h = SignalHepMC.ToEvent(e, r.BeamGeV, r.MassGeV, fx.Lead);
            HepMC3Particle a = h.Particles[^1], rec = h.Particles[^2];
            var (ux, uy, uz) = (e.Emission.EmitterUx, e.Emission.EmitterUy, e.Emission.EmitterUz);
            // Transverse momenta relative to the emitter direction cancel (nucleus recoil neglected).
            double ax = a.Px - (a.Px * ux + a.Py * uy + a.Pz * uz) * ux, ay = a.Py - (a.Px * ux + a.Py * uy + a.Pz * uz) * uy;
            double rx = rec.Px - (rec.Px * ux + rec.Py * uy + rec.Pz * uz) * ux, ry = rec.Py - (rec.Px * ux + rec.Py * uy + rec.Pz * uz) * uy;
            double pt = Math.Sqrt(ax * ax + ay * ay);
            if (!(pt < 0.04 * rec.E)) continue;
            hard++;
            Assert.True(Math.Sqrt((ax + rx) * (ax + rx) + (ay + ry) * (ay + ry)) <= 1e-3 * pt + 1e-12,
                $"transverse momentum balance: A′ ({ax:E3}, {ay:E3}), recoil ({rx:E3}, {ry:E3}), E_rec = {rec.E:G4} GeV");
        }
        Assert.True(hard > 50, $"only {hard} hard recoils tested");
    }
}
