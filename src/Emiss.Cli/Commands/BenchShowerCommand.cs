using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Emiss.Shower;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss bench shower</c>: wall-clock throughput of the shower MC (1 thread and all threads), steps per event and
/// the time split by process (interactor calls and multiple scattering timed in a profiling pass; the rest is
/// stepping: table look-ups, geometry, continuous loss, scoring).
/// </summary>
internal static class BenchShowerCommand
{
    public static Command Create()
    {
        var geometry = new Option<string>("--geometry") { Description = "Geometry name or .json file", DefaultValueFactory = _ => "na64-ecal" };
        var energy = NumericOption.Real("--energy-GeV", "Primary e⁻ kinetic energy, GeV", 100.0, Interval.LeftOpen(0, 1e4));
        var events = NumericOption.SmallCount("--events", "Events per measurement (the scaling measurement runs events × threads)", 20, 1, 100_000);
        var threads = NumericOption.Threads();
        var fast = new Option<bool>("--fast") { Description = "Also time the shower-library fast mode and report analog vs fast ms/event (1 thread)" };
        var fastSwitch = NumericOption.Real("--fast-switch-GeV", "Fast mode: library upper energy E_switch, GeV", FastShowerOptions.Default.SwitchGeV, Interval.LeftOpen(0, 10));
        var fastEntries = NumericOption.SmallCount("--fast-entries", "Fast mode: library showers per (species, phase, energy bin)", FastShowerOptions.Default.EntriesPerBin, 1, 100_000);
        var hinge = new Option<bool>("--random-hinge") { Description = "Multiple scattering with the random-hinge spatial algorithm instead of the mean projection (docs/physics/multiple-scattering.md#spatial-algorithm)" };
        var msc = MscOption.Create();
        var rangeFactor = NumericOption.Real("--msc-range-factor", "Range factor f_r of the multiple-scattering step limit", PhysicsOptions.Standard.MscRangeFactor, Interval.LeftOpen(0, 1));
        var eSave = NumericOption.Real("--range-rejection-MeV", "Range-rejection energy E_save, MeV: e± above their cut and up to E_save whose range is below the distance to every boundary of their slab stop where they are (0 = below the cut only; docs/physics/transport.md#tracking-cut-and-range-rejection)", PhysicsOptions.Standard.RangeRejectionGeV * 1e3, Interval.Closed(0, 1000));
        var shower = new Command("shower", "Throughput and time split of the EM shower Monte Carlo.") { geometry, energy, events, threads, fast, fastSwitch, fastEntries, hinge, msc, rangeFactor, eSave };
        shower.SetAction(pr => CliErrors.Run(pr, () =>
        {
            // Ranges are checked by the option parsers.
            int n = pr.GetValue(events), nt = NumericOption.ResolveThreads(pr.GetValue(threads));
            double e0 = pr.GetValue(energy);
            MscSpatial spatial = MscOption.Resolve(pr, msc);
            // --random-hinge predates --msc and stays its alias.
            UserInput.Require(!pr.GetValue(hinge) || spatial is MscSpatial.MeanProjection or MscSpatial.RandomHinge, "--msc",
                $"--random-hinge contradicts --msc {pr.GetValue(msc)}", "give one of them");
            var options = PhysicsOptions.Standard with
            {
                MscSpatial = pr.GetValue(hinge) ? MscSpatial.RandomHinge : spatial,
                MscRangeFactor = pr.GetValue(rangeFactor),
                RangeRejectionGeV = pr.GetValue(eSave) * 1e-3,
            };
            var physics = new ShowerPhysics(UserInput.Resolve("--geometry", () => GeometryCatalog.Load(pr.GetValue(geometry)!)), options);
            ShowerRunner.Run(physics, ShowerSpecies.Electron, e0, Math.Min(n, 4), 99, 1);        // warm-up (JIT, tiering)
            TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            long t0 = Stopwatch.GetTimestamp();
            ShowerRunResult one = ShowerRunner.Run(physics, ShowerSpecies.Electron, e0, n, 1, 1);
            double ms1 = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / n;
            double cpu1 = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / n;
            t0 = Stopwatch.GetTimestamp();
            ShowerRunner.Run(physics, ShowerSpecies.Electron, e0, (long)n * nt, 2, nt);
            double msN = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / ((double)n * nt);
            t0 = Stopwatch.GetTimestamp();
            ShowerRunResult prof = ShowerRunner.Run(physics, ShowerSpecies.Electron, e0, n, 1, 1, profile: true);
            double msProf = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / n;
            var inv = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(inv, $"shower benchmark: e- {e0} GeV in {physics.Geometry.Name}, {n} events; multiple scattering {MscSpatialNames.Name(options.MscSpatial)}, f_r {options.MscRangeFactor}, range rejection E_save {options.RangeRejectionGeV * 1e3} MeV"));
            Console.Out.WriteLine(string.Create(inv, $"  1 thread : {ms1:F2} ms/event wall, {cpu1:F2} ms/event process CPU ({1000 / ms1:F1} events/s)"));
            Console.Out.WriteLine(string.Create(inv, $"  {nt} threads: {msN:F2} ms/event wall = {msN * nt:F2} ms/event/core; scaling efficiency {ms1 / (msN * nt):P0}"));
            Console.Out.WriteLine(string.Create(inv, $"  steps/event: charged {one.ChargedStepsPerEvent:F0}, photon {one.NeutralStepsPerEvent:F0}; {ms1 * 1e6 / (one.ChargedStepsPerEvent + one.NeutralStepsPerEvent):F0} ns/step"));
            Console.Out.WriteLine(string.Create(inv, $"  Geant4 reference 500–1000 ms/event/core at 100 GeV (docs/physics/validation-anchors.md#cost-reference): ratio {750 * e0 / 100 / ms1:F1}× (at 750 ms scaled to {e0} GeV)"));
            Console.Out.WriteLine(string.Create(inv, $"  time split (profiling pass, {msProf:F2} ms/event incl. timer overhead):"));
            double f = 1000.0 / Stopwatch.Frequency / n;
            double accounted = 0;
            double[] ipe = prof.InteractionsPerEvent;
            for (int i = 0; i < prof.ProcessNames.Length; i++)
            {
                double ms = prof.ProcessTicks[i] * f;
                accounted += ms;
                if (ipe[i] > 0) Console.Out.WriteLine(string.Create(inv, $"    {prof.ProcessNames[i],-8} {ms,8:F2} ms/event  {ipe[i],10:F0} calls/event  {ms * 1e6 / ipe[i],6:F0} ns/call"));
            }
            double mscMs = prof.ScatteringTicks * f;
            Console.Out.WriteLine(string.Create(inv, $"    {"msc",-8} {mscMs,8:F2} ms/event  {prof.ChargedStepsPerEvent,10:F0} steps/event"));
            Console.Out.WriteLine(string.Create(inv, $"    {"stepping",-8} {msProf - accounted - mscMs,8:F2} ms/event  (tables, geometry, continuous loss, scoring, stack)"));
            WriteStepCauses(prof, inv);
            if (pr.GetValue(fast))
            {
                var fo = FastShowerOptions.Default with { SwitchGeV = pr.GetValue(fastSwitch), EntriesPerBin = pr.GetValue(fastEntries) };
                ShowerLibrary lib = UserInput.Resolve("--fast", () => ShowerLibrary.Build(physics, fo, nt));
                ShowerRunner.Run(physics, ShowerSpecies.Electron, e0, 40, 99, 1, library: lib);   // warm-up (JIT, tiering)
                int nf = 10 * n;                                                                  // fast events are cheap: time more of them
                cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                t0 = Stopwatch.GetTimestamp();
                ShowerRunResult fr = ShowerRunner.Run(physics, ShowerSpecies.Electron, e0, nf, 1, 1, library: lib);
                double msFast = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / nf;
                double cpuFast = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / nf;
                Console.Out.WriteLine(string.Create(inv,
                    $"  fast mode (library E_switch {lib.SwitchGeV:G3} GeV, {lib.MinGeV * 1e3:G3} MeV–, {lib.BinCount} bins × {lib.Region.Period} phases × 3 species × {fo.EntriesPerBin} = {lib.EntryCount} showers, {lib.SpotCount / 1e6:F2} M spots, {lib.Bytes / 1048576.0:F0} MiB; build {lib.BuildTime.TotalSeconds:F2} s on {nt} threads)"));
                Console.Out.WriteLine(string.Create(inv,
                    $"  analog {ms1:F2} ms/event ({n} events) vs fast {msFast:F2} ms/event ({nf} events; 1 thread, same process): {ms1 / msFast:F1}× faster; E_active {one.MeanActiveGeV:G4} vs {fr.MeanActiveGeV:G4} GeV, σ/E {one.ResolutionRel:G3} vs {fr.ResolutionRel:G3}, t_max {one.TmaxX0:G3} vs {fr.TmaxX0:G3} X0"));
                Console.Out.WriteLine(string.Create(inv,
                    $"  fast mode: {cpuFast:F2} ms/event process CPU (analog {cpu1:F2}); steps/event charged {fr.ChargedStepsPerEvent:F0}, photon {fr.NeutralStepsPerEvent:F0} (the analog part above E_switch)"));
                FastSplit split = FastSplit.Measure(physics, lib, e0, nf);
                Console.Out.WriteLine(string.Create(inv,
                    $"  fast-mode split (profiling pass, {split.TotalMs:F2} ms/event): substitution {split.SubstitutionMs:F2} ms/event ({split.Substitutions:F0} library showers, {split.Spots:F0} spots scored/event, {split.SubstitutionMs * 1e6 / split.Spots:F0} ns/spot), analog part {split.TotalMs - split.SubstitutionMs:F2} ms/event"));
            }
            return 0;
        }));
        return new Command("bench", "Performance measurements.") { shower, BenchSoakCommand.Create(), BenchReproduceCommand.Create(), BenchMergeCommand.Create(), BenchProjectCommand.Create(), BenchYieldScanCommand.Create() };
    }

    /// <summary>Prints the charged steps per event by what set their length (rows) and kinetic-energy band (columns).</summary>
    private static void WriteStepCauses(ShowerRunResult prof, CultureInfo inv)
    {
        if (prof.StepCauseCounts.IsEmpty) return;
        int nb = StepCauseCounts.Bands;
        var header = new System.Text.StringBuilder(string.Create(inv, $"  charged steps/event by cause (profiling pass):"));
        for (int b = 0; b < nb; b++) header.Append(string.Create(inv, $"{StepCauseCounts.BandLabel(b),14}"));
        Console.Out.WriteLine(header.Append(string.Create(inv, $"{"all",10}")).ToString());
        foreach (StepCause cause in Enum.GetValues<StepCause>())
        {
            var line = new System.Text.StringBuilder(string.Create(inv, $"    {cause,-43}"));
            long all = 0;
            for (int b = 0; b < nb; b++)
            {
                long c = prof.StepCauseCounts[(int)cause * nb + b];
                all += c;
                line.Append(string.Create(inv, $"{c / (double)prof.Events,14:F0}"));
            }
            Console.Out.WriteLine(line.Append(string.Create(inv, $"{all / (double)prof.Events,10:F0}")).ToString());
        }
    }
}
