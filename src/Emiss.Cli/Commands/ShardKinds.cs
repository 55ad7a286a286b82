namespace Emiss.Cli.Commands;

/// <summary>The kinds of sharded run (the <c>kind</c> of a shard manifest) and the files they write.</summary>
internal static class ShardKinds
{
    /// <summary><c>emiss simulate --shard</c>: one event store per shard.</summary>
    public const string Simulate = "simulate";

    /// <summary><c>emiss pseudodata --shard</c>: parts of every run's chunks and whole sources of the background estimate.</summary>
    public const string PseudoData = "pseudodata";

    /// <summary><c>emiss shower --shard</c>: the block-tree node sums of a range of chunks.</summary>
    public const string Shower = "shower";

    /// <summary><c>emiss signal --shard</c>: per mass, the block-tree node sums of each pass's chunks.</summary>
    public const string Signal = "signal";

    /// <summary><c>emiss reproduce --shard</c>: a pseudodata shard plus whole (run, mass) points of the efficiency scan;
    /// the reproduce command without <c>--shard</c> merges them.</summary>
    public const string Reproduce = "reproduce";

    /// <summary>The event store of a simulate shard, and the default name of the merged one.</summary>
    public const string EventsFile = "events.parquet";

    /// <summary>Default output directory of a merged multi-file run (pseudodata, shower, signal), inside the shards' directory.</summary>
    public const string MergedDirectory = "merged";
}
