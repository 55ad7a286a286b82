using Emiss.Backgrounds.Sources;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Physics.Photonuclear;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Backgrounds.Tests;

/// <summary>The photonuclear background source (docs/physics/photonuclear.md#background-source).</summary>
public sealed class PhotonuclearSourceTests(ITestOutputHelper output)
{
    private static readonly DetectorModel Model = new(SetupPresets.ByName(SetupPresets.Na64_2016_PbSc), 7);

    [Fact]
    public void Identity_is_stable()
    {
        var s = new PhotonuclearSource();
        Assert.Equal("photonuclear", s.Name);
        Assert.Equal(TrueProcess.Photonuclear, s.Process);
        Assert.Equal("loss of hadrons from e⁻Z → e⁻ + hadrons", s.TableRow);
    }

    [Fact]
    public void Rate_lies_between_the_closed_forms_with_the_cross_section_frozen_at_its_extremes()
    {
        // Independent of the quadrature: N = X0 Σnσ × 0.572 E0 (1/k_min − 1/E0) with σ at its smallest and largest value on
        // [10, 100] GeV (σ_γA has one minimum, at ≈ 34 GeV; sample it finely).
        SourceRate r = new PhotonuclearSource().RatePerEot(Model).Validated("photonuclear");
        PhotonuclearTarget t = PhotonuclearSource.EcalTarget(Model);
        double[] perX0 = [.. Enumerable.Range(0, 901).Select(i => t.InteractionsPerX0(10 + 0.1 * i))];
        double tl = PhotonTrackLength.Between(100, 10, 100);
        output.WriteLine($"photonuclear rate (k > 10 GeV) = {r.PerEot:E3}/EOT; {r.Derivation}");
        Assert.InRange(r.PerEot, perX0.Min() * tl, perX0.Max() * tl);
        Assert.Equal(0.15, r.RelativeSystematic);
    }

    private static (double Weight, double ElectronGeV, double SumGeV, int Arrivals) ApplyOnce(IEventPhysics p, long index)
    {
        var rec = new BeamLineRecord(Model.Card.Spectrometer.Trackers.Count);
        var scratch = new BeamLineRecord(Model.Card.Spectrometer.Trackers.Count);
        rec.AddArrival(DetectorSpecies.Electron, 100.0, 0.1, -0.2);
        var rng = RngStreams.For(21, StreamKind.Background, (ulong)index);
        double w = p.Apply(Model, rec, scratch, ref rng);
        double sum = 0;
        for (int i = 0; i < rec.ArrivalCount; i++) sum += rec.ArrivalEnergyGeV[i];
        return (w, rec.ArrivalEnergyGeV[0], sum, rec.ArrivalCount);
    }

    [Fact]
    public void Biased_and_unbiased_processes_agree_with_the_spectrum_for_the_hard_fraction()
    {
        // Observable: P(k > 50 GeV), i.e. the electron keeps < 50 GeV. Exact value from the target's spectrum integral.
        PhotonuclearTarget t = PhotonuclearSource.EcalTarget(Model);
        double exact = t.ExpectedPerElectron(100, 50, 100) / t.ExpectedPerElectron(100, 10, 100);
        const int n = 6000;
        IEventPhysics unbiased = new PhotonuclearSource().CreateProcess(Model, false), biased = new PhotonuclearSource().CreateProcess(Model, true);
        double hits = 0, sw = 0, sw2 = 0, wsum = 0, hardBiased = 0;
        for (int i = 0; i < n; i++)
        {
            var u = ApplyOnce(unbiased, i);
            Assert.Equal(1.0, u.Weight);
            if (u.ElectronGeV < 50) hits++;
            var b = ApplyOnce(biased, i);
            if (b.ElectronGeV < 50) hardBiased++;
            double v = b.ElectronGeV < 50 ? b.Weight : 0;
            sw += v;
            sw2 += v * v;
            wsum += b.Weight;
        }
        double pu = hits / n, pb = sw / n;
        double su = Math.Sqrt(exact * (1 - exact) / n), sb = Math.Sqrt(Math.Max(sw2 / n - pb * pb, 0) / n);
        output.WriteLine($"P(k > 50 GeV): exact {exact:F4}, unbiased {pu:F4} ± {su:F4}, biased {pb:F4} ± {sb:F4}, ⟨w⟩ = {wsum / n:F4}");
        Tolerance.Abs(3 * su, "binomial 3σ").AssertClose(exact, pu, "unbiased P(k > 50 GeV)");
        Tolerance.Abs(3 * sb, "weighted 3σ").AssertClose(exact, pb, "biased P(k > 50 GeV)");
        // k uniform on [10, 100] GeV puts 50/90 of the biased events at k > 50 GeV (11 % unbiased). The weights of the
        // composition and depth biasing (docs/physics/hadron-biasing.md) also act on this observable, so its error is no
        // longer below the unbiased one; the box, not P(k > 50 GeV), is what the biasing is for.
        Assert.InRange(hardBiased / n, 50.0 / 90 - 4 * Math.Sqrt(0.25 / n), 50.0 / 90 + 4 * Math.Sqrt(0.25 / n));
    }

    [Fact]
    public void Arrivals_carry_the_beam_energy_plus_the_struck_nucleon_mass()
    {
        IEventPhysics p = new PhotonuclearSource().CreateProcess(Model, false);
        for (int i = 0; i < 300; i++)
        {
            var r = ApplyOnce(p, i);
            // Σ E = (E0 − k) + (k + m_N): the nucleon mass appears because the struck nucleon is in the final state.
            Assert.InRange(r.SumGeV - 100.0, 0.9382, 0.9396);
            Assert.InRange(r.Arrivals, 2, BeamLineRecord.MaxArrivals);
        }
    }

    [Fact]
    public void Full_events_run_and_are_reproducible()
    {
        var batchA = new EventBatch(20, Model.Layout.CellsX * Model.Layout.CellsY, Model.Card.Hcal.Modules);
        var batchB = new EventBatch(20, Model.Layout.CellsX * Model.Layout.CellsY, Model.Card.Hcal.Modules);
        var simA = new EventSimulator(Model);
        var simB = new EventSimulator(Model);
        IEventPhysics pa = new PhotonuclearSource().CreateProcess(Model, true), pb = new PhotonuclearSource().CreateProcess(Model, true);
        for (int i = 0; i < 20; i++)
        {
            simA.Simulate(i, 1, pa, 1.0, batchA);
            simB.Simulate(i, 1, pb, 1.0, batchB);
        }
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal((int)TrueProcess.Photonuclear, batchA.TrueProcessCode[i]);
            Assert.True(batchA.Weight[i] > 0);
            Assert.Equal(batchA.EcalEnergyGeV[i], batchB.EcalEnergyGeV[i]);
            Assert.Equal(batchA.HcalEnergyGeV[i], batchB.HcalEnergyGeV[i]);
            Assert.Equal(batchA.Weight[i], batchB.Weight[i]);
        }
    }
}
