namespace Emiss.Cli.Batch;

/// <summary>Per-task Slurm resources of <c>emiss submit --slurm</c> (null: the partition's default).</summary>
/// <param name="Partition">Partition (<c>--partition</c>).</param>
/// <param name="Time">Wall-time limit per task, Slurm syntax (<c>--time</c>, e.g. 01:00:00).</param>
/// <param name="Memory">Memory per task, Slurm syntax (<c>--mem</c>, e.g. 4G).</param>
/// <param name="Cpus">CPUs per task (<c>--cpus-per-task</c>).</param>
internal sealed record SlurmResources(string? Partition, string? Time, string? Memory, int? Cpus);
