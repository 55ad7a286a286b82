using Emiss.Core.IO;

namespace Emiss.Reporting.Tests;

/// <summary>Shared inputs for the reporting tests.</summary>
internal static class ReportingFixtures
{
    /// <summary>A provenance with a run card holding non-Latin-1 text (forces an iTXt chunk).</summary>
    public static Provenance Provenance { get; } = new("emiss limit --config na64-2016", 20170101UL, "name: na64-2016\nε_grid: log\n");
}
