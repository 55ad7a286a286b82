using Emiss.Backgrounds.Sources;
using Emiss.Backgrounds.Sources.Decays;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Xunit;

namespace Emiss.Backgrounds.Tests;

/// <summary>Daughters of a decay upstream of S3 and the SRD (docs/physics/decays-in-flight.md#daughters-in-s3-and-the-srd):
/// straight lines against the 2016 card's S3 (z = −150 cm, square of half-width 1.5 cm, bit 2) and SRD (z = −90 cm, x from
/// −20 to −2 cm relative to the beam).</summary>
public sealed class DaughterAcceptanceTests
{
    private const int S3 = 1 << 2;

    private static readonly DaughterAcceptance Card2016 = new(DecayTestRun.PbSc);

    [Theory]
    // z, x, y, tx, ty, charged, neutrino → S3 fired, SRD absorbs. Offsets: at S3 x + tx·(−150 − z), at the SRD x + tx·(−90 − z).
    [InlineData(-1000, 0, 0, 0.001, 0, true, false, true, false)]     // 0.85 cm at S3: inside
    [InlineData(-1000, 0, 0, 0.002, 0, true, false, false, false)]    // 1.70 cm at S3: outside
    [InlineData(-1000, 0, 0, 0, 0.002, true, false, false, false)]    // the same in y
    [InlineData(-1000, 1.0, 0, -0.001, 0, true, false, true, false)]  // starts 1 cm off, −0.85: 0.15 cm
    [InlineData(-1000, 0, 0, -0.01, 0, true, false, false, true)]     // −8.5 cm at S3, −9.1 cm at the SRD: absorbed
    [InlineData(-1000, 0, 0, -0.025, 0, true, false, false, false)]   // −22.75 cm at the SRD: beside it
    [InlineData(-1000, 0, 0, -0.01, 0, false, false, false, true)]    // a photon: fires nothing, the SRD absorbs it
    [InlineData(-1000, 0, 0, -0.01, 0, false, true, false, false)]    // a neutrino crosses everything
    [InlineData(-1000, 0, 0, -0.01, 0.025, true, false, false, false)] // y = 22.75 cm at the SRD: above its assumed 20 cm
    [InlineData(-120, 0, 0, -0.1, 0, true, false, false, true)]       // behind S3: −3 cm at the SRD
    public void A_daughter_fires_S3_or_hits_the_SRD_where_its_straight_line_crosses_them(
        double z, double x, double y, double tx, double ty, bool charged, bool neutrino, bool firesS3, bool absorbed)
    {
        (int fired, bool inSrd) = Card2016.Follow(z, x, y, tx, ty, charged, neutrino);
        Assert.Equal(firesS3, (fired & S3) != 0);
        Assert.Equal(absorbed, inSrd);
        Assert.Equal(0, fired & ~S3); // S1 and S2 lie upstream of every decay in the region
    }

    [Fact]
    public void Only_the_counters_behind_the_decay_are_handed_to_the_daughters()
    {
        Assert.Equal(S3, Card2016.CountersDownstreamOf(-1950));
        Assert.Equal(0, Card2016.CountersDownstreamOf(-120));
        Assert.False(Card2016.Follow(-50, 0, 0, -1, 0, true, false).AbsorbedInSrd);   // behind the SRD nothing reaches it
    }

    [Fact]
    public void A_daughter_absorbed_in_the_SRD_fires_no_counter_behind_it()
    {
        SetupCard b = DecayTestRun.PbSc;
        var withS4 = new DaughterAcceptance(b with
        {
            Spectrometer = b.Spectrometer with { Counters = [.. b.Spectrometer.Counters, new CounterOptions { Name = "S4", ZCm = -50, HalfWidthCm = 30, ThicknessCm = 0.5, Efficiency = 1 }] },
        });
        const int s4 = 1 << 3;
        Assert.Equal(0, withS4.Follow(-1000, 0, 0, -0.01, 0, true, false).Fired & s4);   // absorbed at −9.1 cm
        Assert.Equal(s4, withS4.Follow(-1000, 0, 0, 0.01, 0, true, false).Fired & s4);   // +9.1 cm: beside the SRD, inside S4
    }

    [Fact]
    public void Events_whose_daughters_miss_S3_do_not_trigger_and_the_SRD_signal_holds_what_it_absorbed()
    {
        var model = new DetectorModel(DecayTestRun.PbSc, 29);
        DecayTestRun.Row[] rows = DecayTestRun.Run(model, new DecayInFlightSource().CreateProcess(model, false), 600);
        // Unbiased decays are spread over the 19.5 m region, mostly far upstream: many daughters miss S3.
        Assert.Contains(rows, r => r.Decay.CounterMissed);
        Assert.Contains(rows, r => r.Decay.SrdAbsorbedGeV > 0);
        Assert.All(rows.Where(r => r.Decay.CounterMissed), r => Assert.False(r.PhysicsTrigger));
        Assert.All(rows.Where(r => r.Decay.DecayZCm > -150), r => Assert.False(r.Decay.CounterMissed));
        Assert.All(rows, r => Assert.True(r.SrdTrueGeV >= r.Decay.SrdAbsorbedGeV, "the SRD signal holds the absorbed daughters"));
    }
}
