using System.CommandLine;
using System.Globalization;
using Emiss.Core.Diagnostics;
using Emiss.Detector.Calorimetry;

namespace Emiss.Cli.Commands;

/// <summary><c>--showers-scale</c> of the engine studies: a fraction of each energy's default number of engine showers.</summary>
internal static class ShowersScaleOption
{
    /// <summary>The option, its description naming the defaults of <paramref name="points"/>.</summary>
    public static Option<double> Create(IReadOnlyList<TunePoint> points) =>
        NumericOption.Real("--showers-scale", string.Create(CultureInfo.InvariantCulture,
                $"Fraction of the default engine showers ({string.Join(", ", points.Select(p => p.Showers))} at {string.Join(", ", points.Select(p => p.EnergyGeV))} GeV); at least 2 per energy"),
            1.0, Interval.LeftOpen(0, 20));

    /// <summary><paramref name="points"/> with their showers scaled by <paramref name="f"/>; refused where fewer than 2 are left.</summary>
    public static TunePoint[] Apply(IReadOnlyList<TunePoint> points, double f)
    {
        TunePoint[] scaled = [.. points.Select(p => p with { Showers = (int)Math.Round(f * p.Showers) })];
        int i = Array.FindIndex(scaled, p => p.Showers < 2);
        if (i >= 0)
        {
            TunePoint few = scaled[i];
            double least = Math.Ceiling(1.5 / points.Min(p => p.Showers) * 100) / 100;
            throw new UserInputException("--showers-scale", string.Create(CultureInfo.InvariantCulture, $"{f:R} leaves fewer than 2 showers at {few.EnergyGeV:G} GeV"),
                string.Create(CultureInfo.InvariantCulture, $"raise it to at least {least:R}"));
        }
        return scaled;
    }
}
