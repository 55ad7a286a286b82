using Emiss.Core.Sharding;
using Emiss.Shower;
using Emiss.Shower.PhysicsList;

namespace Emiss.Cli.Commands;

/// <summary>An <c>emiss shower</c> command line resolved and checked: what to run, where, and which shard.</summary>
/// <param name="Type">Primary species.</param>
/// <param name="Inputs">The resolved inputs (the run card every output records).</param>
/// <param name="Physics">Geometry and physics with the run's cuts.</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="OutDir">--out: the output directory, or with <paramref name="Shard"/> the directory of the run's shards.</param>
/// <param name="Shard">The shard to run, or null for the whole run.</param>
/// <param name="LibraryCache">Fast mode: use the shower library disk cache (false: --no-library-cache).</param>
internal sealed record ShowerRun(ShowerSpecies Type, ShowerInputs Inputs, ShowerPhysics Physics, int Threads, string OutDir, ShardSpec? Shard,
    bool LibraryCache = true);
