using System.Globalization;
using Emiss.Analysis.Blinding;
using Emiss.Events;

namespace Emiss.Analysis.Exposure;

/// <summary>
/// Counts the electrons on target of each run as the seed did — "based on the recorded number of reference events …
/// taking into account dead time" (PRL 118, 011802 (2017)) — from the public data only: the prescaled reference
/// triggers (<see cref="TriggerBits.Reference"/>) that the event store holds, and the per-spill DAQ live fractions of
/// <c>RUN-spills.csv</c>. A reference event is an unbiased beam particle; it counts as an electron when its ECAL energy
/// is above the physics trigger's ceiling (E_ECAL ≳ 80 GeV: a full 100 GeV shower; hadrons and muons leave far less).
/// Electrons that lose more than ≈ 20 % of their energy upstream fall below it: the count is divided by the
/// identification efficiency ε_id of <see cref="ReferenceElectronEfficiency"/>. Reference events are spread over the
/// spills in proportion to the beam, so the dead-time correction is the beam-weighted mean live fraction:
/// N_EOT = N_ref × prescale / (⟨live⟩ ε_id). Such events lie outside the blinded region, so the count is the same blind
/// or unblinded; docs/physics/pseudo-data.md#eot-counting.
/// </summary>
public static class ReferenceEotCounter
{
    /// <summary>Counts every run (sample) of <paramref name="set"/>; <paramref name="dataDirectory"/> holds the spill
    /// tables, <paramref name="calibrationOf"/> gives each run's prescale and electron-identification efficiency, and
    /// <paramref name="electronMinGeV"/> the ECAL energy above which a reference event is an electron.</summary>
    /// <exception cref="InvalidDataException">A spill table is missing or malformed (the message names it).</exception>
    public static async Task<IReadOnlyList<CountedExposure>> CountAsync(BlindDataSet set, string dataDirectory, Func<string, ReferenceCalibration> calibrationOf,
                                                                         double electronMinGeV, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(calibrationOf);
        var references = set.Samples.ToDictionary(s => s, _ => 0L);
        await set.ForEachOutsideRegionAsync((sample, c) =>
        {
            long n = 0;
            for (int r = 0; r < c.Count; r++)
                if ((((TriggerBits)c.Trigger[r]) & TriggerBits.Reference) != 0 && c.EcalEnergyGeV[r] > electronMinGeV) n++;
            references[sample] += n;
        }, cancellationToken).ConfigureAwait(false);
        var counts = new List<CountedExposure>();
        foreach (string run in set.Samples)
        {
            ReferenceCalibration cal = calibrationOf(run);
            if (!(cal.Prescale >= 1)) throw new ArgumentOutOfRangeException(nameof(calibrationOf), cal.Prescale, $"run {run}: reference prescale must be ≥ 1");
            if (!(cal.ElectronEfficiency > 0 && cal.ElectronEfficiency <= 1))
                throw new ArgumentOutOfRangeException(nameof(calibrationOf), cal.ElectronEfficiency, $"run {run}: electron-identification efficiency must lie in (0, 1]");
            double live = MeanLiveFraction(Path.Combine(dataDirectory, run + "-spills.csv"));
            long n = references[run];
            double eot = n * cal.Prescale / (live * cal.ElectronEfficiency);
            double rel = Math.Sqrt((n > 0 ? 1.0 / n : 1.0) + Math.Pow(cal.ElectronEfficiencyError / cal.ElectronEfficiency, 2));
            counts.Add(new CountedExposure(run, n, cal, live, eot, (n > 0 ? eot : cal.Prescale / (live * cal.ElectronEfficiency)) * rel));
        }
        return counts;
    }

    /// <summary>Beam-weighted mean DAQ live fraction of a spill table (<c>run,spill,beam_particles,physics_triggers,live_fraction</c>).</summary>
    public static double MeanLiveFraction(string spillsCsv)
    {
        if (!File.Exists(spillsCsv)) throw new InvalidDataException($"{spillsCsv}: spill table missing (the dead-time correction needs it)");
        string[] lines = [.. File.ReadLines(spillsCsv).Where(l => l.Length > 0 && l[0] != '#')];
        if (lines.Length < 2 || lines[0] != "run,spill,beam_particles,physics_triggers,live_fraction")
            throw new InvalidDataException($"{spillsCsv}: expected the header run,spill,beam_particles,physics_triggers,live_fraction and at least one spill");
        double beam = 0, liveBeam = 0;
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            if (f.Length != 5
                || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double b) || !(b >= 0)
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double l) || !(l > 0 && l <= 1))
                throw new InvalidDataException($"{spillsCsv}: malformed spill line '{line}'");
            beam += b;
            liveBeam += b * l;
        }
        if (!(beam > 0)) throw new InvalidDataException($"{spillsCsv}: no beam particles in any spill");
        return liveBeam / beam;
    }
}
