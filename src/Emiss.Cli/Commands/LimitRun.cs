using Emiss.Analysis.Limits;

namespace Emiss.Cli.Commands;

/// <summary>Everything <c>emiss limit</c> computed: the exclusion scan, the g−2 band on the same masses, and the production model used.</summary>
internal sealed record LimitRun(ExclusionScanResult Scan, GMinus2Band Band, string ProductionDescription);
