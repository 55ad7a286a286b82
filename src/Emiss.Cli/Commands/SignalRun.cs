using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Signal.Run;

namespace Emiss.Cli.Commands;

/// <summary>An <c>emiss signal</c> command line resolved and checked: the campaign, its outputs and which shard.</summary>
/// <param name="Settings">The campaign (masses, passes, options, seed, threads, geometries).</param>
/// <param name="HepMCEvents">At most this many events per mass in the HepMC3 file.</param>
/// <param name="Provenance">What every output records (the command line as given).</param>
/// <param name="OutDir">--out: the output directory, or with <paramref name="Shard"/> the directory of the run's shards.</param>
/// <param name="Shard">The shard to run, or null for the whole campaign.</param>
internal sealed record SignalRun(SignalCampaignSettings Settings, int HepMCEvents, Provenance Provenance, string OutDir, ShardSpec? Shard);
