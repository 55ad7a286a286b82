using System.Diagnostics;
using Emiss.Core.Random;
using Emiss.Shower;
using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Cli.Commands;

/// <summary>Where fast mode spends its time (<c>bench shower --fast</c>): placing and scoring library showers versus the
/// analog transport above E_switch, from one profiling transport on one thread with the standard tally.</summary>
/// <param name="TotalMs">Wall time per event, ms (with timer overhead).</param>
/// <param name="SubstitutionMs">Time placing library showers, scoring included, ms per event.</param>
/// <param name="Substitutions">Library showers per event.</param>
/// <param name="Spots">Library spots scored per event.</param>
internal sealed record FastSplit(double TotalMs, double SubstitutionMs, double Substitutions, double Spots)
{
    public static FastSplit Measure(ShowerPhysics physics, ShowerLibrary library, double e0, int events)
    {
        var transport = new ShowerTransport(physics, library, profile: true);
        var tally = new EventTally(physics.Geometry, e0, physics.Processes.Length);
        var obs = new TallyObserver(tally);
        long subs = 0, spots = 0;
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < events; i++)
        {
            tally.Reset();
            EventRng rng = RngStreams.For(3, StreamKind.Shower, (ulong)i);
            EventLedger l = transport.RunEvent(ShowerSpecies.Electron, e0, ref rng, ref obs);
            subs += l.Substitutions;
            spots += l.LibrarySpots;
        }
        double total = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / events;
        return new FastSplit(total, transport.SubstitutionTicks * 1000.0 / Stopwatch.Frequency / events, (double)subs / events, (double)spots / events);
    }
}
