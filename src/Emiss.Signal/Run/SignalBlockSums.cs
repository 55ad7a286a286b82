using Emiss.Core.Numerics;
using Emiss.Core.Sharding;
using Emiss.Signal.Tables;

namespace Emiss.Signal.Run;

/// <summary>
/// A part of a signal run (<see cref="SignalRunner.RunBlocks"/>): the <see cref="BlockTree"/> node sums of its chunk
/// range, kept events included, and the run's bias factors (NaN for an empty part, which ran nothing). Stored exactly
/// in a <see cref="BlockSumsFile"/> (header: the two bias factors).
/// </summary>
public sealed class SignalBlockSums
{
    internal SignalBlockSums(double biasFactor, double annihilationBiasFactor, IReadOnlyList<BlockNode<SignalAccumulator>> nodes)
    {
        BiasFactor = biasFactor;
        AnnihilationBiasFactor = annihilationBiasFactor;
        Nodes = nodes;
    }

    /// <summary>Bias factor of A′-strahlung (NaN for an empty part).</summary>
    public double BiasFactor { get; }

    /// <summary>Bias factor of resonant annihilation (NaN for an empty part).</summary>
    public double AnnihilationBiasFactor { get; }

    internal IReadOnlyList<BlockNode<SignalAccumulator>> Nodes { get; }

    /// <summary>Writes the part to <paramref name="path"/>, atomically.</summary>
    public void Write(string path) =>
        BlockSumsFile.Write(path, SignalAccumulator.PayloadTag, Nodes, (w, a) => a.WriteTo(w), [BiasFactor, AnnihilationBiasFactor]);

    /// <summary>Reads a part written by <see cref="Write"/> for a run with <paramref name="tables"/> and <paramref name="options"/> (histogram shape).</summary>
    public static SignalBlockSums Read(string path, SignalTables tables, SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        double beamGeV = options.Beam?.InGeV ?? tables.BeamGeV;
        IReadOnlyList<BlockNode<SignalAccumulator>> nodes = BlockSumsFile.Read(path, SignalAccumulator.PayloadTag,
            r => SignalAccumulator.ReadFrom(r, beamGeV, options.HistogramBins), out double[] header);
        if (header.Length != 2) throw new InvalidDataException($"{path}: {header.Length} header values, not the 2 bias factors");
        return new SignalBlockSums(header[0], header[1], nodes);
    }
}
